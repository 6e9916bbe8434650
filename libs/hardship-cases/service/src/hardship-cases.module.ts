import { Module, type DynamicModule } from '@nestjs/common';
import { platformFor, RuntimeModule, type ServiceInfra, type ServiceSettings } from '@union/runtime';
import { CaseCommands } from './cases/case-commands.service';
import { CaseQueries } from './cases/case-queries.service';
import { CasesController } from './cases/cases.controller';

/** The hardship-cases service: case files behind `/api/v1/hardship`, on the runtime's infrastructure. */
@Module({})
export class HardshipCasesModule {
  static register(infra: ServiceInfra, settings: ServiceSettings): DynamicModule {
    return {
      module: HardshipCasesModule,
      imports: [platformFor(settings), RuntimeModule.forRoot(infra, settings)],
      controllers: [CasesController],
      providers: [CaseCommands, CaseQueries],
    };
  }
}
