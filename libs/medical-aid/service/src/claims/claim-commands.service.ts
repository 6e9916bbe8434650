import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { loadState, type EventStore } from '@union/event-store';
import { parseIdNumber, personRef } from '@union/kernel';
import {
  capLeftFen,
  claimDecider,
  claimStreamId,
  evolveClaimRow,
  membershipDecider,
  membershipStreamId,
  type ClaimCommand,
  type ClaimRow,
  type MembershipEvent,
  type MembershipState,
  type Period,
} from '@union/medical-aid/domain';
import type { Principal } from '@union/platform';
import {
  EVENT_STORE,
  OrgScope,
  PersonIdentities,
  requestFacts,
  SERVICE_SETTINGS,
  type RequestFacts,
  type ServiceSettings,
} from '@union/runtime';
import { PeriodQueries } from '../periods/period-queries.service';
import { decideWithoutStoring, membershipOf, runClaimFlow } from './claim-flow';
import { ClaimQueries } from './claim-queries.service';
import { claimView, type ClaimPreview } from './claim.view';
import type { ApproveClaimDto, PayClaimDto, RejectClaimDto, SubmitClaimDto } from './submit-claim.dto';

type Decide = (membership: MembershipState, period: Period, facts: RequestFacts) => ClaimCommand;

/** Turns HTTP requests into claim commands: resolves the member, the period and the unit scope. */
@Injectable()
export class ClaimCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly periods: PeriodQueries,
    private readonly claims: ClaimQueries,
    private readonly orgScope: OrgScope,
    private readonly identities: PersonIdentities,
  ) {}

  /** Submits and quotes a claim for an enrolled member of one of the caseworker's units. */
  async submit(dto: SubmitClaimDto, principal: Principal): Promise<string> {
    const { claimId, period, ref, id, facts, commandFor } = await this.prepareSubmission(dto, principal);
    await runClaimFlow(this.store, {
      claimId,
      period,
      personRef: ref,
      metadata: { ...facts.metadata, policyVersion: period.policyVersion },
      command: commandFor,
    });
    // The member's full number, if their enrollment predates keeping it (a purpose read shows it).
    await this.identities.remember([{ personRef: ref, idNumber: id }]);
    return claimId;
  }

  /**
   * The dry run of {@link submit} (`POST /claims?dryRun=true`): the same checks and the same
   * decision against the membership as it is now, answered as the claim it would record with
   * its quote and the cap left before it; no event, no transaction, no idempotency record.
   */
  async preview(dto: SubmitClaimDto, principal: Principal): Promise<ClaimPreview> {
    const { period, ref, commandFor } = await this.prepareSubmission(dto, principal);
    const membership = await membershipOf(this.store, period, ref);
    const command = await commandFor(membership);
    const events = decideWithoutStoring(membership, command, period);
    const row = events.reduce<ClaimRow | null>((r, e, i) => evolveClaimRow(r, e, i + 1), null);
    if (!row) throw new Error('A claim submission decided no ClaimSubmitted event.');
    return { ...claimView(row), dryRun: true, capLeftFen: capLeftFen(membership, period.rules.inpatient) };
  }

  /** What a submission and its dry run share: the member, the period, and the command. */
  private async prepareSubmission(dto: SubmitClaimDto, principal: Principal) {
    const facts = requestFacts(principal);
    const id = parseIdNumber(dto.idNumber, { today: facts.today });
    const period = await this.periods.period(dto.periodId);
    const claimId = randomUUID();
    const { periodId: _periodId, idNumber: _idNumber, bill, ...claim } = dto;
    const commandFor = async (membership: MembershipState, tx?: EntityManager): Promise<ClaimCommand> => {
      // A member of a unit the caseworker does not act for is, to them, not enrolled: the
      // domain's own refusal, not a 403 telling that the person is enrolled elsewhere (issue 13).
      const theirs =
        membership.member === null ||
        (await this.orgScope.canActFor(principal, membership.member.unitId, tx));
      return {
        type: 'SubmitClaim',
        claimId,
        period,
        membership: theirs ? membership : membershipDecider.initialState(),
        ...claim,
        bill: { ...bill },
        today: facts.today,
        submittedBy: facts.actor,
        submittedAt: facts.now,
      };
    };
    return { claimId, period, ref: personRef(this.settings.personRefSecret, id), id, facts, commandFor };
  }

  approve(claimId: string, dto: ApproveClaimDto, principal: Principal, ifMatch?: number): Promise<void> {
    return this.execute(claimId, principal, ifMatch, (membership, period, facts) => ({
      type: 'ApproveClaim',
      claimId,
      period,
      membership,
      eligibleFen: dto.eligibleFen,
      reason: dto.reason,
      approvedBy: facts.actor,
      approvedAt: facts.now,
    }));
  }

  /**
   * `POST /claims/{claimId}/approve?dryRun=true`: the claim as this approval would leave it, its
   * quote computed again against the member's cap left now, with the same checks and refusals
   * (SAME_ACTOR, status, a lowered amount without a reason), and nothing stored.
   */
  async previewApproval(claimId: string, dto: ApproveClaimDto, principal: Principal): Promise<ClaimRow> {
    const row = await this.claims.row(claimId);
    await this.orgScope.assertUnit(principal, row.unitId);
    const facts = requestFacts(principal);
    const period = await this.periods.period(row.periodId);
    const claim = await loadState(this.store, claimDecider, claimStreamId(claimId));
    const history = await this.store.readStream(membershipStreamId(period.periodId, row.personRef));
    const membership = history.reduce(
      (state, e) => membershipDecider.evolve(state, e as unknown as MembershipEvent),
      membershipDecider.initialState(),
    );
    const events = claimDecider.decide(
      {
        type: 'ApproveClaim',
        claimId,
        period,
        membership,
        eligibleFen: dto.eligibleFen,
        reason: dto.reason,
        approvedBy: facts.actor,
        approvedAt: facts.now,
      },
      claim.state,
    );
    return events.reduce<ClaimRow>(
      (current, event, i) => evolveClaimRow(current, event, claim.version + i + 1) ?? current,
      row.data,
    );
  }

  reject(claimId: string, dto: RejectClaimDto, principal: Principal, ifMatch?: number): Promise<void> {
    return this.execute(claimId, principal, ifMatch, (_membership, _period, facts) => ({
      type: 'RejectClaim',
      claimId,
      reason: dto.reason,
      rejectedBy: facts.actor,
      rejectedAt: facts.now,
    }));
  }

  pay(claimId: string, dto: PayClaimDto, principal: Principal, ifMatch?: number): Promise<void> {
    return this.execute(claimId, principal, ifMatch, (_membership, _period, facts) => ({
      type: 'PayClaim',
      claimId,
      paymentRef: dto.paymentRef,
      paidOn: dto.paidOn,
      today: facts.today,
      paidBy: facts.actor,
      paidAt: facts.now,
    }));
  }

  /** Runs a command on an existing claim of one of the principal's units. */
  private async execute(
    claimId: string,
    principal: Principal,
    ifMatch: number | undefined,
    decide: Decide,
  ): Promise<void> {
    const row = await this.claims.row(claimId);
    await this.orgScope.assertUnit(principal, row.unitId);
    const facts = requestFacts(principal);
    const period = await this.periods.period(row.periodId);
    await runClaimFlow(this.store, {
      claimId,
      period,
      personRef: row.personRef,
      metadata: { ...facts.metadata, policyVersion: period.policyVersion },
      ifMatch,
      command: (membership) => decide(membership, period, facts),
    });
  }
}
