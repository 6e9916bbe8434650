import 'reflect-metadata';
import { MedicalAidModule, medicalAidService } from '@union/medical-aid/service';
import { runServiceProcess } from '@union/runtime';

// The medical-aid service as its own process on PostgreSQL and Kafka (see README, "Real infrastructure").
runServiceProcess(
  medicalAidService,
  (infra, settings) => MedicalAidModule.register(infra, settings),
  3003,
).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
