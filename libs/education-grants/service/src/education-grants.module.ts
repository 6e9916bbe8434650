import { Module, type DynamicModule } from '@nestjs/common';
import {
  personRecordsController,
  HardshipEligibilityModule,
  platformFor,
  RuntimeModule,
  type ServiceInfra,
  type ServiceSettings,
} from '@union/runtime';
import { ApplicationsController } from './applications/applications.controller';
import { DisburseGrantHandler } from './applications/disburse-grant/disburse-grant.handler';
import { ListApplicationsHandler } from './applications/list-applications/list-applications.handler';
import { ApproveApplicationHandler } from './applications/review-application/approve-application.handler';
import { RejectApplicationHandler } from './applications/review-application/reject-application.handler';
import { SubmitApplicationHandler } from './applications/submit-application/submit-application.handler';
import { WithdrawApplicationHandler } from './applications/withdraw-application/withdraw-application.handler';
import { CampaignReportHandler } from './campaigns/campaign-report/campaign-report.handler';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CloseCampaignHandler } from './campaigns/close-campaign/close-campaign.handler';
import { ListCampaignsHandler } from './campaigns/list-campaigns/list-campaigns.handler';
import { OpenCampaignHandler } from './campaigns/open-campaign/open-campaign.handler';
import { ApplicationHoldsModule } from './eligibility/application-holds.module';
import { PersonRecordsReader } from './people/person-records.reader';
import { GrantRecords } from './read-models/grant-records.reader';

/**
 * The education-grants service (金秋助学): campaigns and applications behind `/api/v1/grants`, and
 * the eligibility projection of `hardship.cases.v1` that holds and releases applications.
 */
@Module({})
export class EducationGrantsModule {
  static register(infra: ServiceInfra, settings: ServiceSettings): DynamicModule {
    return {
      module: EducationGrantsModule,
      imports: [
        platformFor(settings),
        RuntimeModule.forRoot(infra, settings),
        ApplicationHoldsModule,
        HardshipEligibilityModule.forRoot('api/v1/grants'),
      ],
      controllers: [
        CampaignsController,
        ApplicationsController,
        personRecordsController('api/v1/grants', 'grants', PersonRecordsReader),
      ],
      providers: [
        GrantRecords,
        OpenCampaignHandler,
        CloseCampaignHandler,
        CampaignReportHandler,
        ListCampaignsHandler,
        SubmitApplicationHandler,
        ListApplicationsHandler,
        ApproveApplicationHandler,
        RejectApplicationHandler,
        DisburseGrantHandler,
        WithdrawApplicationHandler,
        PersonRecordsReader,
      ],
    };
  }
}
