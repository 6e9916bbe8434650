import 'reflect-metadata';
import { HardshipCasesModule, hardshipCasesService } from '@union/hardship-cases/service';
import { runServiceProcess } from '@union/runtime';

// The hardship-cases service as its own process on PostgreSQL and Kafka (see README, "Real infrastructure").
runServiceProcess(
  hardshipCasesService,
  (infra, settings) => HardshipCasesModule.register(infra, settings),
  3001,
).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
