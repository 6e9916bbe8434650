import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { HardshipTier } from '@union/contracts';
import type { EventStore } from '@union/event-store';
import { maskIdNumber, personRef, validateIdNumber, type IsoDate } from '@union/kernel';
import {
  enrollMemberCommand,
  membershipDecider,
  membershipStreamId,
  planEnrollment,
  type EnrollmentRequest,
  type EnrollmentRow,
  type Period,
} from '@union/medical-aid/domain';
import { assertUnit, type Principal } from '@union/platform';
import {
  DATA_SOURCE,
  EVENT_STORE,
  HardshipEligibilityEntity,
  requestFacts,
  SERVICE_SETTINGS,
  type ServiceSettings,
} from '@union/runtime';
import { memberKeyOf } from '../read-models/membership-summary.entity';
import { PeriodQueries } from '../periods/period-queries.service';
import type { EnrollMembersDto, EnrollmentResult } from './enroll-members.dto';
import { insertStartedMemberships } from './insert-memberships';
import { startStreams } from './start-streams';

const DEADLOCK = '40P01';
const MAX_ATTEMPTS = 3;

/**
 * A unit's enrollment as one batch (DOMAIN.md §3 "Enrollment"): one transaction, one query for
 * the members already enrolled, one for hardship tiers, the domain's plan, then every new
 * membership stream started in one insert and its read-model rows written in the same
 * transaction. Running the generic command handler per member would cost a few round trips each.
 */
@Injectable()
export class EnrollmentCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly periods: PeriodQueries,
  ) {}

  async enroll(periodId: string, dto: EnrollMembersDto, principal: Principal): Promise<EnrollmentResult> {
    assertUnit(principal, dto.unitId);
    const facts = requestFacts(principal);
    const period = await this.periods.period(periodId);
    const members = dto.members.map((m) => this.rowOf(m, facts.today));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (tx) => {
          const request = {
            period,
            today: facts.today,
            unitId: dto.unitId,
            paymentRef: dto.paymentRef,
            members,
          };
          return this.enrollIn(tx, request, { ...facts.metadata, policyVersion: period.policyVersion });
        });
      } catch (error) {
        // Overlapping batches lock rows in the same order, so this is rare; the retry sees the winner's rows.
        if ((error as { code?: string }).code !== DEADLOCK || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async enrollIn(
    tx: EntityManager,
    request: Omit<EnrollmentRequest, 'alreadyEnrolled' | 'tierOf'>,
    metadata: Record<string, unknown>,
  ): Promise<EnrollmentResult> {
    const { period, members } = request;
    const refs = [...new Set(members.map((m) => m.personRef).filter((r): r is string => r !== null))];
    const alreadyEnrolled = await this.enrolledAmong(tx, period, refs);
    const tiers = await this.tiersOf(tx, refs);
    const plan = planEnrollment({ ...request, alreadyEnrolled, tierOf: (ref) => tiers.get(ref) ?? null });
    const firsts = plan.toEnroll.map((member) => {
      const [event] = membershipDecider.decide(
        enrollMemberCommand(request, member),
        membershipDecider.initialState(),
      );
      const streamId = membershipStreamId(period.periodId, member.personRef);
      return {
        streamId,
        streamType: 'member',
        personRef: member.personRef,
        type: event.type,
        data: event.data,
      };
    });
    const stored = await startStreams(tx, this.store.upcasters, firsts, metadata);
    await insertStartedMemberships(tx, stored);
    const waived = stored.filter((e) => (e.data as { waived: boolean }).waived).length;
    return {
      enrolled: stored.length,
      // A member another request enrolled while this one ran is a duplicate too.
      duplicates: plan.duplicates + (firsts.length - stored.length),
      waived,
      rejected: [...plan.rejected],
    };
  }

  private rowOf(m: EnrollMembersDto['members'][number], today: IsoDate): EnrollmentRow {
    const base = { name: m.name, hasBasicMedicalInsurance: m.hasBasicMedicalInsurance };
    const id = validateIdNumber(m.idNumber, { today });
    if (!id.ok)
      return { ...base, personRef: null, idNumberMasked: maskIdNumber(m.idNumber), idNumberError: id.reason };
    return {
      ...base,
      personRef: personRef(this.settings.personRefSecret, id.value),
      idNumberMasked: maskIdNumber(id.value),
    };
  }

  private async enrolledAmong(tx: EntityManager, period: Period, refs: string[]): Promise<Set<string>> {
    const rows: { person_ref: string }[] = await tx.query(
      `SELECT person_ref FROM membership_summary WHERE member_key = ANY($1::text[])`,
      [refs.map((r) => memberKeyOf(period.periodId, r))],
    );
    return new Set(rows.map((r) => r.person_ref));
  }

  /** Current hardship tiers (open cases only) from the eligibility projection, in one query. */
  private async tiersOf(tx: EntityManager, refs: string[]): Promise<Map<string, HardshipTier>> {
    const { tableName } = tx.getRepository(HardshipEligibilityEntity).metadata;
    const rows: { person_ref: string; tier: HardshipTier }[] = await tx.query(
      `SELECT person_ref, tier FROM ${tableName} WHERE open AND person_ref = ANY($1::text[])`,
      [refs],
    );
    return new Map(rows.map((r) => [r.person_ref, r.tier]));
  }
}
