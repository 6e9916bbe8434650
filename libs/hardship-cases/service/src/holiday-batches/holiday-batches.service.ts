import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@union/kernel';
import type { Page, Principal } from '@union/platform';
import { handleCommand, loadState, type EventStore } from '@union/event-store';
import {
  assertFundServes,
  fundDecider,
  fundRemainingFen,
  fundStreamId,
  holidayBatchDecider,
  holidayBatchStreamId,
  previewLine,
  previewTotals,
  type BatchCandidate,
  type BatchLine,
  type HolidayBatchCommand,
  type HolidayBatchRow,
} from '@union/hardship-cases/domain';
import {
  DATA_SOURCE,
  EVENT_STORE,
  notRestrictedSql,
  OrgScope,
  requestFacts,
  runCommand,
  withinOrgSql,
} from '@union/runtime';
import { FundLedger } from '../funds/fund-ledger';
import { HARDSHIP_SETTINGS } from '../hardship-cases.di-tokens';
import type { HardshipSettings } from '../hardship.settings';
import { HolidayBatchEntity } from '../read-models/holiday-batches/holiday-batch.entity';
import type { PrepareHolidayBatchDto } from './holiday-batch.dto';

export type LineStatus = 'included' | 'excluded' | 'recorded' | 'unrecorded';

/** A line of a batch as `GET .../lines` lists it. */
export interface BatchLineView {
  caseId: string;
  unitId: string;
  tier: string;
  amountFen: number;
  status: LineStatus;
  reason: string | null;
  assistanceId: string | null;
}

/** A batch of the list, with the fund it is paid from and what that fund has left now. */
export type HolidayBatchListItem = HolidayBatchRow & {
  readonly fund: { readonly fundId: string; readonly name: string; readonly remainingFen: number } | null;
};

/** Lines per insert statement. */
const LINE_CHUNK = 5_000;

/**
 * Holiday batches (两节送温暖): prepare with a preview of every household, four-eyes approval that
 * reserves the whole total on the fund or refuses the batch whole, rejection, and the reads.
 */
@Injectable()
export class HolidayBatches {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(HARDSHIP_SETTINGS) private readonly settings: HardshipSettings,
    private readonly orgScope: OrgScope,
    private readonly ledger: FundLedger,
  ) {}

  /** Prepares a draft: the lines and the `HolidayBatchPrepared` event commit together. */
  async prepare(dto: PrepareHolidayBatchDto, principal: Principal): Promise<HolidayBatchRow> {
    await this.orgScope.assertUnit(principal, dto.orgId);
    const batchId = randomUUID();
    const facts = requestFacts(principal);
    await this.dataSource.transaction(async (tx) => {
      await this.assertFundServesBatch(dto.fundId, dto.orgId, tx);
      const lines = (await this.candidates(dto, tx)).map((c) =>
        previewLine(c, dto.amountsByTierFen, this.settings.limits.annualAssistanceCapFen),
      );
      await handleCommand(
        this.store,
        holidayBatchDecider,
        {
          type: 'PrepareHolidayBatch',
          ...facts,
          batchId,
          name: dto.name,
          orgId: dto.orgId,
          fundId: dto.fundId,
          tiers: dto.tiers,
          amountsByTierFen: dto.amountsByTierFen,
          paidOn: dto.paidOn,
          preview: previewTotals(lines),
        },
        {
          streamId: holidayBatchStreamId(batchId),
          streamType: 'holiday-batch',
          metadata: facts.metadata,
          tx,
        },
      );
      await insertLines(tx, batchId, lines);
    });
    return this.row(batchId);
  }

  /**
   * Approval by a reviewer other than the preparer: the batch decider compares the total with
   * what the fund has left; approved, the total is reserved on the fund in the same transaction;
   * refused whole (`refused`, `FUND_INSUFFICIENT`) otherwise, with nothing reserved.
   */
  async approve(batchId: string, reason: string | undefined, principal: Principal): Promise<HolidayBatchRow> {
    const row = await this.readable(batchId, principal);
    await this.orgScope.assertUnit(principal, row.orgId);
    const facts = requestFacts(principal);
    await this.ledger.transaction(async (tx) => {
      // The fund's lock first (FundLedger), then the batch: its balance cannot move in between.
      await this.ledger.lock(tx, row.fundId);
      const fund = await loadState(this.store, fundDecider, fundStreamId(row.fundId), { tx });
      const result = await this.decide(
        batchId,
        {
          type: 'ApproveHolidayBatch',
          ...facts,
          fund: { fundId: row.fundId, remainingFen: fundRemainingFen(fund.state) },
          reason,
        },
        facts.metadata,
        tx,
      );
      if (result.status !== 'approved') return;
      await this.ledger.reserveForBatch(tx, row.fundId, batchId, result.totalFen, facts.metadata);
    });
    return this.row(batchId);
  }

  async reject(batchId: string, reason: string, principal: Principal): Promise<HolidayBatchRow> {
    const row = await this.readable(batchId, principal);
    await this.orgScope.assertUnit(principal, row.orgId);
    const facts = requestFacts(principal);
    await this.dataSource.transaction((tx) =>
      this.decide(batchId, { type: 'RejectHolidayBatch', ...facts, reason }, facts.metadata, tx),
    );
    return this.row(batchId);
  }

  /** The batch, for a principal who may read its node's records. */
  async readable(batchId: string, principal: Principal): Promise<HolidayBatchRow> {
    const row = await this.row(batchId);
    await this.orgScope.assertReadable(principal, row.orgId);
    return row;
  }

  async row(batchId: string): Promise<HolidayBatchRow> {
    const entity = await this.dataSource.getRepository(HolidayBatchEntity).findOneBy({ batchId });
    if (!entity) throw new DomainError('NOT_FOUND', `There is no holiday batch ${batchId}.`);
    return entity.data;
  }

  /** Batches of the principal's subtrees, newest first (`orgId`: of that node and below it). */
  async list(
    query: { status?: string; orgId?: string; submittedByNot?: string; page: number; pageSize: number },
    principal: Principal,
  ): Promise<Page<HolidayBatchListItem>> {
    if (query.orgId) await this.orgScope.assertReadable(principal, query.orgId);
    const params: unknown[] = [];
    const where: string[] = [];
    const scope = this.orgScope.scopeSql(principal, 'b.org_id', params);
    if (scope) where.push(scope);
    if (query.orgId) where.push(withinOrgSql(query.orgId, 'b.org_id', params));
    if (query.status) where.push(`b.status = $${params.push(query.status)}`);
    if (query.submittedByNot) where.push(`b.data->>'preparedBy' <> $${params.push(query.submittedByNot)}`);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM holiday_batch b ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<
      { data: HolidayBatchRow; fund_name: string | null; fund_remaining_fen: string | null }[]
    >(
      `SELECT b.data, f.name AS fund_name, f.remaining_fen AS fund_remaining_fen
       FROM holiday_batch b LEFT JOIN fund f ON f.fund_id = b.fund_id ${filter}
       ORDER BY b.data->>'preparedAt' DESC, b.batch_id
       LIMIT $${params.push(query.pageSize)} OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    const items = rows.map(({ data, fund_name, fund_remaining_fen }) => ({
      ...data,
      fund:
        fund_name === null
          ? null
          : { fundId: data.fundId, name: fund_name, remainingFen: Number(fund_remaining_fen) },
    }));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async lines(
    batchId: string,
    query: { status?: LineStatus; page: number; pageSize: number },
    principal: Principal,
  ): Promise<Page<BatchLineView>> {
    await this.readable(batchId, principal);
    const params: unknown[] = [batchId];
    const where = query.status ? `AND status = $${params.push(query.status)}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM holiday_batch_line WHERE batch_id = $1 ${where}`,
      params,
    );
    const rows = await this.dataSource.query<BatchLineRow[]>(
      `SELECT case_id, unit_id, tier, amount_fen, status, reason, assistance_id FROM holiday_batch_line
       WHERE batch_id = $1 ${where} ORDER BY case_id LIMIT $${params.push(query.pageSize)}
       OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    return { items: rows.map(lineView), page: query.page, pageSize: query.pageSize, total };
  }

  private async decide(
    batchId: string,
    command: HolidayBatchCommand,
    metadata: Record<string, unknown>,
    tx: EntityManager,
  ) {
    const { state } = await runCommand(this.store, holidayBatchDecider, command, {
      streamId: holidayBatchStreamId(batchId),
      streamType: 'holiday-batch',
      metadata,
      tx,
    });
    return state;
  }

  /** The fund must exist, be for `holiday` (or `any`), and be held by the node or one above it. */
  private async assertFundServesBatch(fundId: string, orgId: string, tx: EntityManager): Promise<void> {
    const { state } = await loadState(this.store, fundDecider, fundStreamId(fundId), { tx });
    if (state.created === null) {
      const message = 'There is no such fund.';
      throw new DomainError('RULE_VIOLATION', message, { errors: [{ field: 'fundId', message }] });
    }
    assertFundServes(state.created, {
      category: 'holiday',
      caseUnitPath: await this.orgScope.pathOf(orgId, tx),
    });
  }

  /** The target: cases of the node's subtree in the chosen tiers, with their year's assistance. */
  private async candidates(dto: PrepareHolidayBatchDto, tx: EntityManager): Promise<BatchCandidate[]> {
    const params: unknown[] = [dto.tiers, Number(dto.paidOn.slice(0, 4))];
    const within = withinOrgSql(dto.orgId, 'c.unit_id', params);
    const rows = await tx.query<
      { case_id: string; unit_id: string; tier: string; status: string; used: string }[]
    >(
      `SELECT c.case_id, c.unit_id, c.tier, c.status, coalesce(a.used, 0) AS used
       FROM case_summary c
       LEFT JOIN (SELECT case_id, sum(amount_fen) AS used FROM case_assistance
                  WHERE year = $2 AND status <> 'rejected' GROUP BY case_id) a ON a.case_id = c.case_id
       WHERE c.tier = ANY($1::text[]) AND ${within} AND ${notRestrictedSql('c.person_ref')}
       ORDER BY c.case_id`,
      params,
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      unitId: r.unit_id,
      tier: r.tier as BatchCandidate['tier'],
      status: r.status === 'open' ? 'open' : 'closed',
      usedInYearFen: Number(r.used),
    }));
  }
}

interface BatchLineRow {
  case_id: string;
  unit_id: string;
  tier: string;
  amount_fen: string;
  status: LineStatus;
  reason: string | null;
  assistance_id: string | null;
}

const lineView = (r: BatchLineRow): BatchLineView => ({
  caseId: r.case_id,
  unitId: r.unit_id,
  tier: r.tier,
  amountFen: Number(r.amount_fen),
  status: r.status,
  reason: r.reason,
  assistanceId: r.assistance_id,
});

async function insertLines(tx: EntityManager, batchId: string, lines: readonly BatchLine[]): Promise<void> {
  for (let i = 0; i < lines.length; i += LINE_CHUNK) {
    const json = JSON.stringify(
      lines.slice(i, i + LINE_CHUNK).map((l) => ({
        c: l.caseId,
        u: l.unitId,
        t: l.tier,
        a: l.amountFen,
        s: l.status,
        r: l.reason ?? null,
      })),
    );
    await tx.query(
      `INSERT INTO holiday_batch_line (batch_id, case_id, unit_id, tier, amount_fen, status, reason)
       SELECT $1, r.c, r.u, r.t, r.a, r.s, r.r
       FROM json_to_recordset($2::json) AS r(c text, u text, t text, a bigint, s text, r text)`,
      [batchId, json],
    );
  }
}
