import { Module, type DynamicModule } from '@nestjs/common';
import { HardshipEligibilityModule, platformFor, RuntimeModule, type ServiceInfra, type ServiceSettings } from '@union/runtime';

/** The education-grants service: its HTTP API and its consumers, on the runtime's infrastructure. */
@Module({})
export class EducationGrantsModule {
  static register(infra: ServiceInfra, settings: ServiceSettings): DynamicModule {
    return {
      module: EducationGrantsModule,
      imports: [
        platformFor(settings),
        RuntimeModule.forRoot(infra, settings),
        HardshipEligibilityModule.forRoot('api/v1/grants'),
      ],
    };
  }
}
