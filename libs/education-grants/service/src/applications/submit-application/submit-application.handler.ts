import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Not, In, QueryFailedError, type DataSource } from 'typeorm';
import { DomainError, maskIdNumber, parseIdNumber, personRef } from '@union/kernel';
import type { Principal } from '@union/platform';
import type { EventMetadata, EventStore } from '@union/event-store';
import {
  applicationDecider,
  evolveApplicationRow,
  type ApplicationEvent,
  type ApplicationRow,
  type CampaignFacts,
  type SubmitApplication,
} from '@union/education-grants/domain';
import {
  DATA_SOURCE,
  EVENT_STORE,
  HardshipEligibilityReader,
  OrgScope,
  PersonIdentities,
  SERVICE_SETTINGS,
  requestFacts,
  runCommand,
  type NamedPerson,
  type ServiceSettings,
} from '@union/runtime';
import { applicationStreamId } from '../../grants.streams';
import { GrantApplicationEntity } from '../../read-models/grant-application.entity';
import { GrantCampaignEntity } from '../../read-models/grant-campaign.entity';
import { applicationView, type ApplicationView } from '../application.view';
import type { SubmitApplicationDto } from './submit-application.dto';

const ONE_LIVE_PER_STUDENT = 'grant_application_one_live_per_student';

/** `POST /applications?dryRun=true`: the application the same request would create; nothing stored. */
export type ApplicationPreview = ApplicationView & { dryRun: true };

/** A submission decided from the read models but not yet stored. */
interface PreparedSubmission {
  command: SubmitApplication;
  metadata: EventMetadata;
  /** The student's live application in the campaign, as the read model has it. */
  live: GrantApplicationEntity | null;
  /** The parent's and the student's full numbers (kept sealed, never in the event). */
  numbers: NamedPerson[];
}

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
    private readonly orgScope: OrgScope,
    private readonly identities: PersonIdentities,
  ) {}

  /** Returns the new application's id. */
  async execute(dto: SubmitApplicationDto, principal: Principal): Promise<string> {
    const { command, metadata, live, numbers } = await this.prepare(dto, principal);
    try {
      await runCommand(this.store, applicationDecider, command, {
        streamId: applicationStreamId(command.applicationId),
        streamType: 'application',
        personRef: command.parent.personRef,
        metadata,
      });
    } catch (error) {
      // The decider refused a second live application (the one read above), or two submissions
      // raced and the partial unique index let one through (the winner is read now).
      if (!isDuplicate(error)) throw error;
      const existing =
        error instanceof DomainError
          ? live
          : await this.liveApplication(dto.campaignId, command.student.personRef);
      throw duplicate(
        error,
        existing,
        existing !== null && (await this.orgScope.canActFor(principal, existing.unitId)),
      );
    }
    // The parent's and the student's full numbers, sealed with their keys, for purpose reads.
    await this.identities.remember(numbers);
    return command.applicationId;
  }

  /**
   * The dry run of {@link execute} (`POST /applications?dryRun=true`, docs/api-changes.md): the
   * same facts, the same checks and the same decision (the window, the parent's eligibility, a
   * second live application, the level's amount: the same problems), answered as the application
   * it would create, with the amount the campaign gives the level. No event, no transaction, no
   * idempotency record; the `applicationId` is never stored. The consent may be left out (the
   * amount is previewed before the form is complete); one given is checked as the submission would.
   */
  async preview(dto: SubmitApplicationDto, principal: Principal): Promise<ApplicationPreview> {
    const { command, live } = await this.prepare(dto, principal, { dryRun: true });
    let events: ApplicationEvent[];
    try {
      events = applicationDecider.decide(command, applicationDecider.initialState());
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      throw duplicate(error, live, live !== null && (await this.orgScope.canActFor(principal, live.unitId)));
    }
    const row = events.reduce<ApplicationRow | null>((r, e, i) => evolveApplicationRow(r, e, i + 1), null);
    if (!row) throw new Error('A submission decided no GrantApplicationSubmitted event.');
    return { ...applicationView(row, row.version), dryRun: true };
  }

  /** The command of a submission from the service's own read models; nothing is written. */
  private async prepare(
    dto: SubmitApplicationDto,
    principal: Principal,
    options: { dryRun?: boolean } = {},
  ): Promise<PreparedSubmission> {
    await this.orgScope.assertUnit(principal, dto.unitId);
    const facts = requestFacts(principal);
    const parentId = parseIdNumber(dto.parentIdNumber, { field: 'parentIdNumber', today: facts.today });
    const studentId = parseIdNumber(dto.student.idNumber, { field: 'student.idNumber', today: facts.today });
    const parentRef = personRef(this.settings.personRefSecret, parentId);
    const studentRef = personRef(this.settings.personRefSecret, studentId);
    const campaign = await this.campaignFacts(dto.campaignId);
    const eligibility = await this.eligibility.get(parentRef);
    const live = await this.liveApplication(dto.campaignId, studentRef);
    const command: SubmitApplication = {
      type: 'SubmitApplication',
      applicationId: randomUUID(),
      campaign,
      parent: { personRef: parentRef, idNumberMasked: maskIdNumber(parentId) },
      student: {
        personRef: studentRef,
        idNumberMasked: maskIdNumber(studentId),
        ...{ name: dto.student.name, level: dto.student.level, school: dto.student.school },
      },
      unitId: dto.unitId,
      eligibility: { openCase: eligibility?.open ?? false, tier: eligibility?.tier ?? null },
      liveApplicationIdForStudent: live?.applicationId,
      consent: dto.consent
        ? { documentRef: dto.consent.documentRef, signedOn: dto.consent.signedOn }
        : undefined,
      dryRun: options.dryRun,
      submittedBy: facts.actor,
      today: facts.today,
      now: facts.now,
    };
    const numbers = [
      { personRef: parentRef, idNumber: parentId },
      { personRef: studentRef, idNumber: studentId },
    ];
    return { command, metadata: facts.metadata, live, numbers };
  }

  private async campaignFacts(campaignId: string): Promise<CampaignFacts | null> {
    const row = await this.dataSource.getRepository(GrantCampaignEntity).findOneBy({ campaignId });
    return row?.data ?? null;
  }

  private liveApplication(
    campaignId: string,
    studentPersonRef: string,
  ): Promise<GrantApplicationEntity | null> {
    return this.dataSource.getRepository(GrantApplicationEntity).findOneBy({
      campaignId,
      studentPersonRef,
      status: Not(In(['rejected', 'withdrawn'])),
    });
  }
}

/**
 * The 409 of a student's second application. The caseworker must learn that one exists, but its
 * id only when they may act for its unit: another unit's record ids are not theirs to know
 * (issue 13). Two submissions that raced get the same answer as the decider's.
 */
function duplicate(error: unknown, live: GrantApplicationEntity | null, mayActForIt: boolean): unknown {
  if (live && !mayActForIt) {
    return new DomainError(
      'DUPLICATE',
      'This student already has an application in this campaign, made by a unit you do not act for.',
    );
  }
  if (error instanceof DomainError) return error;
  return new DomainError('DUPLICATE', 'This student already has an application in this campaign.', {
    details: { existingApplicationId: live?.applicationId },
  });
}

/** The decider's refusal of a second live application, or the index's, when two raced. */
function isDuplicate(error: unknown): boolean {
  if (error instanceof DomainError) {
    return error.code === 'DUPLICATE' && 'existingApplicationId' in (error.details ?? {});
  }
  return (
    error instanceof QueryFailedError &&
    (error as { constraint?: string }).constraint === ONE_LIVE_PER_STUDENT
  );
}
