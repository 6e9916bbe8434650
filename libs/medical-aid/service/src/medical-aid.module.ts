import { Module, type DynamicModule } from '@nestjs/common';
import {
  personRecordsController,
  HardshipEligibilityModule,
  platformFor,
  RuntimeModule,
  type ServiceInfra,
  type ServiceSettings,
} from '@union/runtime';
import { ClaimCommands } from './claims/claim-commands.service';
import { ClaimQueries } from './claims/claim-queries.service';
import { ClaimsController } from './claims/claims.controller';
import { EnrollmentCommands } from './enrollments/enrollment-commands.service';
import { EnrollmentsController } from './enrollments/enrollments.controller';
import { MembershipQueries } from './memberships/membership-queries.service';
import { MembershipsController } from './memberships/memberships.controller';
import { PersonRecords } from './people/person-records.service';
import { ReadScope } from './shared/read-scope';
import { PeriodCommands } from './periods/period-commands.service';
import { PeriodQueries } from './periods/period-queries.service';
import { PeriodsController } from './periods/periods.controller';

/**
 * The medical-aid service behind `/api/v1/medical-aid`: periods, enrollment by unit, memberships
 * and claims, plus the hardship eligibility it learns from `hardship.cases.v1` (waived contributions).
 */
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
      controllers: [
        PeriodsController,
        EnrollmentsController,
        MembershipsController,
        ClaimsController,
        personRecordsController('api/v1/medical-aid', 'medical-aid', PersonRecords),
      ],
      providers: [
        PeriodCommands,
        PeriodQueries,
        EnrollmentCommands,
        MembershipQueries,
        ClaimCommands,
        ClaimQueries,
        PersonRecords,
        ReadScope,
      ],
    };
  }
}
