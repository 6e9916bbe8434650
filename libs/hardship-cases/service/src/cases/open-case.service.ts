import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { DomainError, maskIdNumber, parseIdNumber, personRef, type IdNumber } from '@union/kernel';
import { currentCorrelationId, type Principal } from '@union/platform';
import type { EventMetadata, EventStore } from '@union/event-store';
import {
  assess,
  caseDecider,
  caseStreamId,
  evolveCaseSummary,
  referralDecider,
  referralStreamId,
  type CaseEvent,
  type OpenCase,
  type TierAssessment,
} from '@union/hardship-cases/domain';
import {
  DATA_SOURCE,
  EVENT_STORE,
  OrgScope,
  PersonIdentities,
  SERVICE_SETTINGS,
  requestFacts,
  runCommand,
  type RequestFacts,
  type ServiceSettings,
} from '@union/runtime';
import { RegionPolicies } from '../policies/region-policies.service';
import { CaseSummaryEntity } from '../read-models/case-summary/case-summary.entity';
import { ReferralEntity } from '../read-models/referrals/referral.entity';
import { caseView, type CaseView } from './case.view';
import type { OpenCaseDto } from './open-case.dto';

/**
 * `POST /cases?dryRun=true`: the case the same request would open, and the figures its tier was
 * judged by (the lines of the policy in force), with nothing stored (docs/api-changes.md).
 */
export type CasePreview = CaseView & {
  dryRun: true;
  assessment: Omit<TierAssessment, 'tier'> & { tier: TierAssessment['tier'] };
};

/** An opening decided but not yet stored: the command, what it continues, the person's open case. */
interface PreparedOpening {
  command: OpenCase;
  metadata: EventMetadata;
  facts: RequestFacts;
  ref: string;
  existing: OpenCaseRow | null;
  /** The person's full identity number (kept sealed, never in the event). */
  id: IdNumber;
}

/** The person's open case, as the read model has it. */
interface OpenCaseRow {
  caseId: string;
  unitId: string;
}

/** Opening a case file (建档), alone or from a referral of the inbox. */
@Injectable()
export class OpenCaseHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly policies: RegionPolicies,
    private readonly orgScope: OrgScope,
    private readonly identities: PersonIdentities,
  ) {}

  /**
   * Opens a case; 409 when the person already has an open one (see `duplicate`). With a
   * `referralId` the referral is accepted in the same transaction (its person must be this one).
   */
  async open(dto: OpenCaseDto, principal: Principal): Promise<string> {
    const { command, metadata, facts, ref, existing, id } = await this.prepare(dto, principal);
    try {
      await this.dataSource.transaction(async (tx) => {
        if (dto.referralId)
          await this.acceptReferral(tx, dto.referralId, command.caseId, ref, facts, metadata);
        await runCommand(this.store, caseDecider, command, {
          streamId: caseStreamId(command.caseId),
          streamType: 'case',
          personRef: ref,
          metadata,
          tx,
        });
        // The full number, sealed with the person's key, for a read with a stated purpose.
        await this.identities.remember([{ personRef: ref, idNumber: id }], tx);
      });
    } catch (error) {
      // The decider refused a second open case (the one read above), or two openings raced and the
      // unique index let one through (the winner is read now).
      if (!isSecondOpenCase(error)) throw error;
      const open = error instanceof DomainError ? existing : await this.openCaseOf(ref);
      throw duplicate(error, open, open !== null && (await this.orgScope.canActFor(principal, open.unitId)));
    }
    return command.caseId;
  }

  /**
   * The dry run of {@link open}: the same checks and the same decision (a second open case, a
   * household above every line, bad fields: the same problems), answered as the case it would
   * open, with the tier's figures; no event, no transaction, no idempotency record. A referral is
   * checked for the caller's units; that it names this person is checked when the case is opened.
   * The consent may be left out (the tier is previewed before the form is complete); one given is
   * checked as the opening would.
   */
  async preview(dto: OpenCaseDto, principal: Principal): Promise<CasePreview> {
    const { command, existing } = await this.prepare(dto, principal, { dryRun: true });
    let events: CaseEvent[];
    try {
      events = caseDecider.decide(command, caseDecider.initialState());
    } catch (error) {
      if (isSecondOpenCase(error)) {
        throw duplicate(
          error,
          existing,
          existing !== null && (await this.orgScope.canActFor(principal, existing.unitId)),
        );
      }
      throw error;
    }
    const row = events.reduce(evolveCaseSummary, null);
    if (!row) throw new Error('An opening decided no HardshipCaseOpened event.');
    const assessment = assess(command.household, command.emergencyExpenseFen, command.policy);
    return { ...caseView(row, 1, command.today), dryRun: true, assessment };
  }

  private async prepare(
    dto: OpenCaseDto,
    principal: Principal,
    options: { dryRun?: boolean } = {},
  ): Promise<PreparedOpening> {
    await this.orgScope.assertUnit(principal, dto.unitId);
    const facts = requestFacts(principal);
    const id = parseIdNumber(dto.person.idNumber, { field: 'person.idNumber', today: facts.today });
    const ref = personRef(this.settings.personRefSecret, id);
    const chain = dto.referralId ? await this.referralChain(dto.referralId, principal) : {};
    const existing = await this.openCaseOf(ref);
    const policy = await this.policies.inForce(dto.regionCode);
    const { person, household, consent, ...rest } = dto;
    const command: OpenCase = {
      ...rest,
      type: 'OpenCase',
      consent: consent ? { documentRef: consent.documentRef, signedOn: consent.signedOn } : undefined,
      dryRun: options.dryRun,
      caseId: randomUUID(),
      personRef: ref,
      idNumberMasked: maskIdNumber(id),
      name: person.name,
      phone: person.phone,
      household: { size: household.size, monthlyIncomeFen: household.monthlyIncomeFen },
      existingOpenCaseId: existing?.caseId,
      policy,
      actor: facts.actor,
      now: facts.now,
      today: facts.today,
    };
    const metadata = { ...facts.metadata, ...chain, policyVersion: policy.policyVersion };
    return { command, metadata, facts, ref, existing, id };
  }

  /** The referral decider checks the person (VALIDATION_FAILED on `person.idNumber`) and its status. */
  private async acceptReferral(
    tx: EntityManager,
    referralId: string,
    caseId: string,
    ref: string,
    facts: RequestFacts,
    metadata: EventMetadata,
  ): Promise<void> {
    await runCommand(
      this.store,
      referralDecider,
      { type: 'AcceptReferral', caseId, personRef: ref, actor: facts.actor, now: facts.now },
      { streamId: referralStreamId(referralId), streamType: 'referral', personRef: ref, metadata, tx },
    );
  }

  /**
   * A caseworker takes only referrals of their units (API.md, "Authorisation"). The case opened
   * from a referral continues the referral's chain of causes (apps/hardship-cases/README.md,
   * "Correlation"): its events take the referral's correlation id, are caused by the event that
   * filed the referral, and keep the request's own id as `requestCorrelationId` for the logs.
   */
  private async referralChain(referralId: string, principal: Principal): Promise<EventMetadata> {
    const row = await this.dataSource.getRepository(ReferralEntity).findOneBy({ referralId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no referral ${referralId}.`);
    await this.orgScope.assertUnit(principal, row.unitId);
    const [filed] = await this.store.readStream(referralStreamId(referralId), { toVersion: 1 });
    if (!filed) return {};
    return {
      correlationId: filed.metadata.correlationId ?? filed.eventId,
      causationId: filed.eventId,
      requestCorrelationId: currentCorrelationId(),
    };
  }

  private async openCaseOf(ref: string): Promise<OpenCaseRow | null> {
    const row = await this.dataSource
      .getRepository(CaseSummaryEntity)
      .findOneBy({ personRef: ref, status: 'open' });
    return row ? { caseId: row.caseId, unitId: row.unitId } : null;
  }
}

/**
 * The 409 of a second open case. The caseworker must learn that the person has one (to add to it
 * rather than open another), but its id only when they may act for its unit: another unit's
 * record ids are not theirs to know (issue 13).
 */
function duplicate(error: unknown, open: OpenCaseRow | null, mayActForIt: boolean): DomainError {
  if (open && !mayActForIt) {
    return new DomainError(
      'CONFLICT',
      'This person already has an open hardship case, kept by a unit you do not act for; only that unit can add to it.',
    );
  }
  if (error instanceof DomainError) return error;
  return new DomainError(
    'CONFLICT',
    'This person already has an open hardship case; add to that one instead.',
    {
      details: { existingCaseId: open?.caseId },
    },
  );
}

function isSecondOpenCase(error: unknown): boolean {
  if (error instanceof DomainError)
    return error.code === 'CONFLICT' && 'existingCaseId' in (error.details ?? {});
  return (
    error instanceof QueryFailedError &&
    (error as { constraint?: string }).constraint === 'case_summary_one_open_per_person'
  );
}
