import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
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
} from '@union/medical-aid/domain';
import type { Principal } from '@union/platform';
import {
  DATA_SOURCE,
  EVENT_STORE,
  HardshipEligibilityEntity,
  OrgScope,
  PersonIdentities,
  requestFacts,
  SERVICE_SETTINGS,
  type ServiceSettings,
} from '@union/runtime';
import { PeriodQueries } from '../periods/period-queries.service';
import type { EnrollmentResult } from './enroll-members.dto';
import type { EnrollmentBody } from './enrollment-body.pipe';
import { startedMemberships } from './insert-memberships';
import { startStreams } from './start-streams';

const DEADLOCK = '40P01';
const byNumber = (a: number, b: number): number => a - b;
const MAX_ATTEMPTS = 3;

/**
 * A unit's enrollment as one batch (DOMAIN.md §3 "Enrollment"): one query for the hardship
 * tiers, the domain's plan, then ONE statement that starts every new membership stream and writes
 * its read-model row, committed with the Idempotency-Key's record of those streams when there is
 * a key (`startStreams`; docs/idempotency.md, "Bulk enrollment"). A member already enrolled
 * is found by that insert (the stream exists: `ON CONFLICT DO NOTHING`) and counted a duplicate,
 * whether an earlier request or a concurrent one enrolled them, so nobody is looked up first.
 * Running the generic command handler per member would cost a few round trips each.
 */
@Injectable()
export class EnrollmentCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly periods: PeriodQueries,
    private readonly orgScope: OrgScope,
    private readonly identities: PersonIdentities,
  ) {}

  async enroll(periodId: string, dto: EnrollmentBody, principal: Principal): Promise<EnrollmentResult> {
    await this.orgScope.assertUnit(principal, dto.unitId);
    const facts = requestFacts(principal);
    const period = await this.periods.period(periodId);
    const members = dto.members.map((m) => this.rowOf(m, facts.today));
    const numbers = new Map<string, string>();
    for (const m of dto.members) {
      const id = validateIdNumber(m.idNumber, { today: facts.today });
      if (id.ok) numbers.set(personRef(this.settings.personRefSecret, id.value), id.value);
    }
    const request = { period, today: facts.today, unitId: dto.unitId, paymentRef: dto.paymentRef, members };
    const metadata = { ...facts.metadata, policyVersion: period.policyVersion };
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.enrollAll(request, metadata, numbers);
      } catch (error) {
        // Overlapping batches lock rows in the same order, so this is rare; the retry sees the winner's rows.
        if ((error as { code?: string }).code !== DEADLOCK || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async enrollAll(
    request: Omit<EnrollmentRequest, 'alreadyEnrolled' | 'tierOf'>,
    metadata: Record<string, unknown>,
    numbers: ReadonlyMap<string, string>,
  ): Promise<EnrollmentResult> {
    const { period, members } = request;
    const refs = [...new Set(members.map((m) => m.personRef).filter((r): r is string => r !== null))];
    const tiers = await this.tiersOf(refs);
    const restricted = await this.store.personalData?.restrictions.among(this.dataSource.manager, refs);
    // Nobody is known enrolled beforehand: the insert below skips the streams that exist.
    const alreadyEnrolled = new Set<string>();
    const plan = planEnrollment({
      ...request,
      alreadyEnrolled,
      tierOf: (ref) => tiers.get(ref) ?? null,
      isRestricted: (ref) => restricted?.has(ref) ?? false,
    });
    const firsts = plan.toEnroll.map((member) => {
      const [event] = membershipDecider.decide(
        enrollMemberCommand(request, member),
        membershipDecider.initialState(),
      );
      return {
        streamId: membershipStreamId(period.periodId, member.personRef),
        streamType: 'member',
        personRef: member.personRef,
        type: event.type,
        data: event.data,
      };
    });
    const started = await startStreams(
      this.dataSource,
      this.store.upcasters,
      firsts,
      metadata,
      startedMemberships,
      this.store.personalData,
    );
    // The full numbers of the members enrolled now, sealed with their keys, for reads with a
    // stated purpose (after the streams committed: a number is kept only for a member).
    await this.identities.remember(
      started.map((e) => ({ personRef: e.personRef as string, idNumber: numbers.get(e.personRef as string) as string })),
    );
    // Each row's outcome by its index: the rows not started were enrolled before, or by a
    // request that ran at the same time, so they are duplicates too.
    const indexOf = new Map(plan.toEnroll.map((m, i) => [firsts[i].streamId, m.index]));
    const startedIndexes = new Set(started.map((e) => indexOf.get(e.streamId) as number));
    const waivedIndexes = started
      .filter((e) => (e.data as { waived: boolean }).waived)
      .map((e) => indexOf.get(e.streamId) as number);
    const duplicateIndexes = [
      ...plan.duplicateIndexes,
      ...plan.toEnroll.filter((m) => !startedIndexes.has(m.index)).map((m) => m.index),
    ];
    return {
      enrolled: started.length,
      duplicates: duplicateIndexes.length,
      waived: waivedIndexes.length,
      rejected: [...plan.rejected],
      duplicateIndexes: duplicateIndexes.sort(byNumber),
      waivedIndexes: waivedIndexes.sort(byNumber),
    };
  }

  private rowOf(m: EnrollmentBody['members'][number], today: IsoDate): EnrollmentRow {
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

  /** Current hardship tiers (open cases only) from the eligibility projection, in one query. */
  private async tiersOf(refs: string[]): Promise<Map<string, HardshipTier>> {
    const { tableName } = this.dataSource.getRepository(HardshipEligibilityEntity).metadata;
    const rows: { person_ref: string; tier: HardshipTier }[] = await this.dataSource.query(
      `SELECT person_ref, tier FROM ${tableName} WHERE open AND person_ref = ANY($1::text[])`,
      [refs],
    );
    return new Map(rows.map((r) => [r.person_ref, r.tier]));
  }
}
