import 'reflect-metadata';
import { OrganisationModule, organisationService } from '@union/organisation/service';
import { runServiceProcess } from '@union/runtime';

// The organisation service (the union's tree) as its own process on PostgreSQL and Kafka.
runServiceProcess(
  organisationService,
  (infra, settings) => OrganisationModule.register(infra, settings),
  3004,
).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
