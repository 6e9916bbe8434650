import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { BP_ONE, DomainError } from '@union/kernel';
import type { FundReport, PeriodRow } from '@union/medical-aid/domain';
import { DATA_SOURCE } from '@union/runtime';
import { PeriodSummaryEntity } from '../read-models/period-summary.entity';

interface MemberSums {
  members_paid: string;
  members_waived: string;
  contributions_fen: string;
  aid_fen: string;
}
interface ClaimSums {
  claims_paid: string;
  payouts_fen: string;
}

/** Periods and their fund report, from the read models. */
@Injectable()
export class PeriodQueries {
  /** Periods are never amended once opened, so a period read once is kept (a few per year). */
  private readonly opened = new Map<string, PeriodRow>();

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The period as opened; 404 when there is none. */
  async period(periodId: string): Promise<PeriodRow> {
    const known = this.opened.get(periodId);
    if (known) return known;
    const row = await this.dataSource.getRepository(PeriodSummaryEntity).findOneBy({ periodId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no period ${periodId}.`);
    this.opened.set(periodId, row.data);
    return row.data;
  }

  /**
   * DOMAIN.md's fund report, summed by the database: a period has hundreds of thousands of
   * members, too many to load. Same figures as the domain's `fundReport` over the rows (tested).
   */
  async fundReport(periodId: string): Promise<FundReport> {
    await this.period(periodId);
    const [m]: MemberSums[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE NOT waived) AS members_paid, count(*) FILTER (WHERE waived) AS members_waived,
              coalesce(sum(contribution_fen), 0) AS contributions_fen, coalesce(sum(serious_illness_aid_fen), 0) AS aid_fen
       FROM membership_summary WHERE period_id = $1`,
      [periodId],
    );
    const [c]: ClaimSums[] = await this.dataSource.query(
      `SELECT count(*) AS claims_paid, coalesce(sum(payout_fen), 0) AS payouts_fen
       FROM claim_summary WHERE period_id = $1 AND status = 'paid'`,
      [periodId],
    );
    const contributionsFen = Number(m.contributions_fen);
    const spentFen = BigInt(c.payouts_fen) + BigInt(m.aid_fen);
    const usageRateBp =
      contributionsFen === 0 ? null : Number((spentFen * BigInt(BP_ONE)) / BigInt(contributionsFen));
    return {
      periodId,
      membersPaid: Number(m.members_paid),
      membersWaived: Number(m.members_waived),
      contributionsFen,
      claimsPaid: Number(c.claims_paid),
      payoutsFen: Number(c.payouts_fen),
      seriousIllnessAidFen: Number(m.aid_fen),
      usageRateBp,
      deficit: usageRateBp !== null && usageRateBp > BP_ONE,
    };
  }
}
