import { Module, type DynamicModule } from '@nestjs/common';
import { HardshipEligibilityModule, platformFor, RuntimeModule, type ServiceInfra, type ServiceSettings } from '@union/runtime';

/** The medical-aid service: its HTTP API and its consumers, on the runtime's infrastructure. */
@Module({})
export class MedicalAidModule {
  static register(infra: ServiceInfra, settings: ServiceSettings): DynamicModule {
    return {
      module: MedicalAidModule,
      imports: [
        platformFor(settings),
        RuntimeModule.forRoot(infra, settings),
        HardshipEligibilityModule.forRoot('api/v1/medical-aid'),
      ],
    };
  }
}
