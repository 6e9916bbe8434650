import { Module, type DynamicModule } from '@nestjs/common';
import { platformFor, RuntimeModule, type ServiceInfra, type ServiceSettings } from '@union/runtime';
import { OrgUnits } from './units/org-units.service';
import { UnitsController } from './units/units.controller';

/** The organisation service: the union's tree behind `/api/v1/org`, on the runtime's infrastructure. */
@Module({})
export class OrganisationModule {
  static register(infra: ServiceInfra, settings: ServiceSettings): DynamicModule {
    return {
      module: OrganisationModule,
      imports: [platformFor(settings), RuntimeModule.forRoot(infra, settings)],
      controllers: [UnitsController],
      providers: [OrgUnits],
    };
  }
}
