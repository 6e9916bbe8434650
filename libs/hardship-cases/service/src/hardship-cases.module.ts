import { Module, type DynamicModule } from '@nestjs/common';
import {
  integrationConsumerProvider,
  personRecordsController,
  platformFor,
  RuntimeModule,
  type ServiceInfra,
  type ServiceSettings,
} from '@union/runtime';
import { AssistanceController } from './assistance/assistance.controller';
import { AssistanceListController } from './assistance/assistance-list.controller';
import { AssistanceList } from './assistance/assistance-list.service';
import { CaseCommands } from './cases/case-commands.service';
import { CaseQueries } from './cases/case-queries.service';
import { CasesController } from './cases/cases.controller';
import { OpenCaseHandler } from './cases/open-case.service';
import {
  EXTERNAL_ASSISTANCE_CONSUMER,
  HARDSHIP_SETTINGS,
  REFERRAL_INTAKE_CONSUMER,
} from './hardship-cases.di-tokens';
import { loadHardshipSettings } from './hardship.settings';
import { HolidayBatchRunner } from './holiday-batches/holiday-batch-runner';
import { HolidayBatchesController } from './holiday-batches/holiday-batches.controller';
import { HolidayBatches } from './holiday-batches/holiday-batches.service';
import { EducationGrantsConsumer } from './intake/education-grants.consumer';
import { ExternalAssistanceIntake } from './intake/external-assistance-intake.service';
import { MedicalAidClaimsConsumer } from './intake/medical-aid-claims.consumer';
import { ReferralIntake } from './intake/referral-intake.service';
import { PairingController } from './pairing/pairing.controller';
import { PersonRecords } from './people/person-records.service';
import { PoliciesController } from './policies/policies.controller';
import { RegionPolicies } from './policies/region-policies.service';
import { ReassessmentsController } from './reassessments/reassessments.controller';
import { ReferralsController } from './referrals/referrals.controller';
import { Referrals } from './referrals/referrals.service';
import { ReopenController } from './reopen/reopen.controller';
import { StatsController } from './stats/stats.controller';
import { HardshipStatsService } from './stats/stats.service';
import { VisitsController } from './visits/visits.controller';
import { FundLedger } from './funds/fund-ledger';
import { FundsController } from './funds/funds.controller';
import { Funds } from './funds/funds.service';

export interface HardshipCasesOptions {
  /** Where the service's own variables are read (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The hardship-cases service: case files behind `/api/v1/hardship`, and the consumers of
 * `medical-aid.claims.v1` and `education.grants.v1`, on the runtime's infrastructure.
 */
@Module({})
export class HardshipCasesModule {
  static register(
    infra: ServiceInfra,
    settings: ServiceSettings,
    options: HardshipCasesOptions = {},
  ): DynamicModule {
    return {
      module: HardshipCasesModule,
      imports: [platformFor(settings), RuntimeModule.forRoot(infra, settings)],
      controllers: [
        CasesController,
        VisitsController,
        ReassessmentsController,
        AssistanceController,
        AssistanceListController,
        PairingController,
        ReopenController,
        ReferralsController,
        StatsController,
        PoliciesController,
        HolidayBatchesController,
        FundsController,
        personRecordsController('api/v1/hardship', 'hardship', PersonRecords),
        MedicalAidClaimsConsumer,
        EducationGrantsConsumer,
      ],
      providers: [
        // Validated at boot: a bad limit stops the service with the variable named.
        { provide: HARDSHIP_SETTINGS, useFactory: () => loadHardshipSettings(options.env ?? process.env) },
        integrationConsumerProvider(REFERRAL_INTAKE_CONSUMER, 'referrals'),
        integrationConsumerProvider(EXTERNAL_ASSISTANCE_CONSUMER, 'external-assistance'),
        CaseCommands,
        CaseQueries,
        AssistanceList,
        OpenCaseHandler,
        RegionPolicies,
        Referrals,
        ReferralIntake,
        ExternalAssistanceIntake,
        HardshipStatsService,
        PersonRecords,
        HolidayBatches,
        HolidayBatchRunner,
        FundLedger,
        Funds,
      ],
      // The holiday batches reserve and release through the ledger, in their own transactions.
      exports: [FundLedger],
    };
  }
}
