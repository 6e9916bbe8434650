import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, FindOptionsWhere } from 'typeorm';
import { maskIdNumber, personRef, sumFen, type Fen, type IdNumber, type IsoDate } from '@union/kernel';
import type { Principal } from '@union/platform';
import {
  DATA_SOURCE,
  Disclosure,
  SERVICE_SETTINGS,
  type PersonRecordsSource,
  type ServiceSettings,
} from '@union/runtime';
import { claimView, type ClaimView } from '../claims/claim.view';
import { membershipView, type MembershipView } from '../memberships/membership.view';
import { PeriodQueries } from '../periods/period-queries.service';
import { ClaimSummaryEntity } from '../read-models/claim-summary.entity';
import { MembershipSummaryEntity } from '../read-models/membership-summary.entity';
import { ReadScope } from '../shared/read-scope';

/** `GET /people/{idNumber}`: one person's records in this programme, for the gateway's person view. */
export interface PersonRecordsView {
  readonly idNumberMasked: string;
  /** As `GET /periods/{periodId}/members/{idNumber}` answers each; newest period first. */
  readonly memberships: MembershipView[];
  /** As `GET /claims/{claimId}` answers each; newest first. */
  readonly claims: ClaimView[];
  /** Paid to the person this calendar year (China time): claim payouts and serious-illness aid. */
  readonly receivedThisYearFen: Fen;
}

interface AidRow {
  period_id: string;
  amount_fen: string;
}

/**
 * A person's memberships, claims and what they received this year, from the read models (and the
 * aid grants from the log). A caseworker or reviewer sees only the units in their token; records
 * of other units are left out, not refused, so the person view shows what the caller may see.
 */
@Injectable()
export class PersonRecords implements PersonRecordsSource {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly periods: PeriodQueries,
    private readonly readScope: ReadScope,
    private readonly disclosure: Disclosure,
  ) {}

  /** Names as the reader may see them; with a stated `purpose`, the diagnoses of the claims whose names they see in full. */
  async records(
    id: IdNumber,
    principal: Principal,
    today: IsoDate,
    purpose: string | null = null,
  ): Promise<PersonRecordsView> {
    const ref = personRef(this.settings.personRefSecret, id);
    const where = this.scoped(ref, principal);
    const [members, claims] = await Promise.all([
      this.dataSource.getRepository(MembershipSummaryEntity).find({ where }),
      this.dataSource
        .getRepository(ClaimSummaryEntity)
        .find({ where, order: { submittedAt: 'DESC', claimId: 'ASC' } }),
    ]);
    const names = await this.disclosure.names(principal, [...members, ...claims].map((r) => r.unitId));
    const memberships = await Promise.all(
      members.map(async (m) => {
        const period = await this.periods.period(m.periodId);
        // As the member route lists them: the period's claims, oldest first.
        const own = claims
          .filter((c) => c.periodId === m.periodId)
          .map((c) => c.data)
          .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.claimId.localeCompare(b.claimId));
        return { period, view: membershipView(m.data, own, period, names) };
      }),
    );
    memberships.sort(
      (a, b) =>
        b.period.coverageStart.localeCompare(a.period.coverageStart) ||
        b.period.openedAt.localeCompare(a.period.openedAt) ||
        a.period.periodId.localeCompare(b.period.periodId),
    );
    const year = today.slice(0, 4);
    const payoutsFen = claims
      .filter((c) => c.data.status === 'paid' && c.data.paidOn?.startsWith(`${year}-`))
      .map((c) => c.data.quote.payoutFen);
    const aidFen = await this.aidGranted(
      ref,
      members.map((m) => m.periodId),
      year,
    );
    return {
      idNumberMasked: maskIdNumber(id),
      memberships: memberships.map((m) => m.view),
      claims: claims.map((c) =>
        claimView(c.data, { names, diagnosis: purpose !== null && names.full(c.unitId) }),
      ),
      receivedThisYearFen: sumFen(...payoutsFen, ...aidFen),
    };
  }

  /** The person's rows the principal may read: every unit, or the subtrees of the units in their token. */
  private scoped<T extends { personRef: string; unitId: string }>(
    ref: string,
    principal: Principal,
  ): FindOptionsWhere<T> {
    const unitId = this.readScope.unitIn(principal);
    return (unitId ? { personRef: ref, unitId } : { personRef: ref }) as FindOptionsWhere<T>;
  }

  /**
   * Serious-illness aid (大病救助) is money paid to the member, granted with the claim payment that
   * made it due. Its date is when the grant was recorded, in China time: the `occurred-at` the
   * hardship service dates it by. Only grants of memberships the principal may read count.
   */
  private async aidGranted(ref: string, periodIds: readonly string[], year: string): Promise<Fen[]> {
    if (periodIds.length === 0) return [];
    const rows: AidRow[] = await this.dataSource.query(
      `SELECT data->>'periodId' AS period_id, data->>'amountFen' AS amount_fen
       FROM events
       WHERE person_ref = $1 AND stream_type = 'member' AND type = 'SeriousIllnessAidGranted'
         AND recorded_at >= $2::timestamptz AND recorded_at < $3::timestamptz`,
      [ref, `${year}-01-01T00:00:00+08:00`, `${Number(year) + 1}-01-01T00:00:00+08:00`],
    );
    return rows.filter((r) => periodIds.includes(r.period_id)).map((r) => Number(r.amount_fen));
  }
}
