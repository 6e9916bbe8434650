import 'reflect-metadata';
import { EducationGrantsModule, educationGrantsService } from '@union/education-grants/service';
import { runServiceProcess } from '@union/runtime';

// The education-grants service as its own process on PostgreSQL and Kafka (see README, "Real infrastructure").
runServiceProcess(
  educationGrantsService,
  (infra, settings) => EducationGrantsModule.register(infra, settings),
  3002,
).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
