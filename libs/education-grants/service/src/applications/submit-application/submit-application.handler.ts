import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Not, In, QueryFailedError, type DataSource } from 'typeorm';
import { DomainError, maskIdNumber, parseIdNumber, personRef } from '@union/kernel';
import { assertUnit, type Principal } from '@union/platform';
import type { EventStore } from '@union/event-store';
import { applicationDecider, type CampaignFacts } from '@union/education-grants/domain';
import {
  DATA_SOURCE,
  EVENT_STORE,
  HardshipEligibilityReader,
  SERVICE_SETTINGS,
  requestFacts,
  runCommand,
  type ServiceSettings,
} from '@union/runtime';
import { applicationStreamId } from '../../grants.streams';
import { GrantApplicationEntity } from '../../read-models/grant-application.entity';
import { GrantCampaignEntity } from '../../read-models/grant-campaign.entity';
import type { SubmitApplicationDto } from './submit-application.dto';

const ONE_LIVE_PER_STUDENT = 'grant_application_one_live_per_student';

/**
 * A caseworker applies for a student. The facts come from the service's own read models (the
 * campaign row, the eligibility projection of `hardship.cases.v1`, the student's live
 * application); the rules are the domain's. Never a call to the hardship service.
 */
@Injectable()
export class SubmitApplicationHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly eligibility: HardshipEligibilityReader,
  ) {}

  /** Returns the new application's id. */
  async execute(dto: SubmitApplicationDto, principal: Principal): Promise<string> {
    assertUnit(principal, dto.unitId);
    const facts = requestFacts(principal);
    const parentId = parseIdNumber(dto.parentIdNumber, { field: 'parentIdNumber', today: facts.today });
    const studentId = parseIdNumber(dto.student.idNumber, { field: 'student.idNumber', today: facts.today });
    const parentRef = personRef(this.settings.personRefSecret, parentId);
    const studentRef = personRef(this.settings.personRefSecret, studentId);
    const campaign = await this.campaignFacts(dto.campaignId);
    const eligibility = await this.eligibility.get(parentRef);
    const applicationId = randomUUID();
    try {
      await runCommand(
        this.store,
        applicationDecider,
        {
          type: 'SubmitApplication',
          applicationId,
          campaign,
          parent: { personRef: parentRef, idNumberMasked: maskIdNumber(parentId) },
          student: {
            personRef: studentRef,
            idNumberMasked: maskIdNumber(studentId),
            ...{ name: dto.student.name, level: dto.student.level, school: dto.student.school },
          },
          unitId: dto.unitId,
          eligibility: { openCase: eligibility?.open ?? false, tier: eligibility?.tier ?? null },
          liveApplicationIdForStudent: await this.liveApplicationOf(dto.campaignId, studentRef),
          submittedBy: facts.actor,
          today: facts.today,
          now: facts.now,
        },
        {
          streamId: applicationStreamId(applicationId),
          streamType: 'application',
          personRef: parentRef,
          metadata: facts.metadata,
        },
      );
    } catch (error) {
      // Two submissions for one student raced: the partial unique index let one through.
      if (
        error instanceof QueryFailedError &&
        (error as { constraint?: string }).constraint === ONE_LIVE_PER_STUDENT
      ) {
        const existingApplicationId = await this.liveApplicationOf(dto.campaignId, studentRef);
        throw new DomainError('DUPLICATE', 'This student already has an application in this campaign.', {
          details: { existingApplicationId },
        });
      }
      throw error;
    }
    return applicationId;
  }

  private async campaignFacts(campaignId: string): Promise<CampaignFacts | null> {
    const row = await this.dataSource.getRepository(GrantCampaignEntity).findOneBy({ campaignId });
    return row?.data ?? null;
  }

  private async liveApplicationOf(campaignId: string, studentPersonRef: string): Promise<string | undefined> {
    const row = await this.dataSource.getRepository(GrantApplicationEntity).findOneBy({
      campaignId,
      studentPersonRef,
      status: Not(In(['rejected', 'withdrawn'])),
    });
    return row?.applicationId;
  }
}
