import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { handleCommand } from '@union/event-store';
import {
  childFundCommand,
  fundDecider,
  fundReport,
  fundStreamId,
  type FundReport,
  type FundRow,
} from '@union/hardship-cases/domain';
import { DomainError } from '@union/kernel';
import type { Page, Principal } from '@union/platform';
import { DATA_SOURCE, EVENT_STORE, OrgScope, readsEveryUnit, requestFacts, runCommand } from '@union/runtime';
import type { EventStore } from '@union/event-store';
import { FundEntity } from '../read-models/funds/fund.entity';
import type { AllocateFundDto, CreateFundDto, ListFundsQuery } from './fund.dto';
import { FundLedger } from './fund-ledger';
import { fundView, type FundView } from './fund.view';

/**
 * Special funds (DOMAIN.md §4): set up by admins, passed down the tree, read by the staff of the
 * holder's subtree and of the nodes below the holder (whose cases it may pay).
 */
@Injectable()
export class Funds {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly ledger: FundLedger,
    private readonly orgScope: OrgScope,
  ) {}

  async create(dto: CreateFundDto, principal: Principal): Promise<FundEntity> {
    await this.orgScope.assertUnit(principal, dto.holderOrgId);
    const facts = requestFacts(principal);
    const fundId = randomUUID();
    await runCommand(
      this.store,
      fundDecider,
      { type: 'CreateFund', fundId, ...dto, actor: facts.actor, now: facts.now },
      { streamId: fundStreamId(fundId), streamType: 'fund', metadata: facts.metadata },
    );
    return this.row(fundId);
  }

  /**
   * The allocation on the parent and the child's new fund, in one transaction under the parent's
   * lock: what leaves the parent is exactly what the child holds.
   */
  async allocate(fundId: string, dto: AllocateFundDto, principal: Principal): Promise<FundEntity> {
    const parent = await this.row(fundId);
    await this.orgScope.assertUnit(principal, parent.holderOrgId);
    const facts = requestFacts(principal);
    const allocation = { allocationId: randomUUID(), childFundId: randomUUID(), ...dto };
    await this.ledger.transaction(async (tx) => {
      const toOrgPath = await this.orgScope.pathOf(dto.toOrgId, tx);
      const decided = await this.ledger.decide(
        tx,
        fundId,
        { type: 'AllocateFund', ...allocation, toOrgPath },
        facts.metadata,
      );
      await handleCommand(this.store, fundDecider, childFundCommand(decided.state, allocation, facts), {
        streamId: fundStreamId(allocation.childFundId),
        streamType: 'fund',
        metadata: { ...facts.metadata, causationId: decided.events[0]?.eventId },
        tx,
      });
    });
    return this.row(allocation.childFundId);
  }

  async list(query: ListFundsQuery, principal: Principal): Promise<Page<FundView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const scope = await this.scopeSql(principal, params);
    if (scope) where.push(scope);
    if (query.holderOrgId) where.push(`f.holder_org_id = $${params.push(query.holderOrgId)}`);
    if (query.year) where.push(`f.year = $${params.push(query.year)}`);
    if (query.category) where.push(`f.category = $${params.push(query.category)}`);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM fund f ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<{ data: FundRow; version: number }[]>(
      `SELECT f.data, f.version FROM fund f ${filter}
       ORDER BY f.year DESC, f.created_at, f.fund_id
       LIMIT $${params.push(query.pageSize)} OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    return {
      items: rows.map((r) => fundView(r.data, r.version)),
      page: query.page,
      pageSize: query.pageSize,
      total: n,
    };
  }

  /** The fund if the principal may read it, or 404 / 403. */
  async readable(fundId: string, principal: Principal): Promise<FundEntity> {
    const row = await this.row(fundId);
    if (await this.mayRead(principal, row.holderOrgId)) return row;
    throw new DomainError('FORBIDDEN', `Fund ${fundId} is held outside your units and above none of them.`);
  }

  /** Received, allocated, spent and remaining of the fund, and by child node summed below it. */
  async report(fundId: string, principal: Principal): Promise<FundReport> {
    const root = await this.readable(fundId, principal);
    const below = await this.dataSource.query<{ data: FundRow }[]>(
      `WITH RECURSIVE below AS (
         SELECT fund_id, data FROM fund WHERE parent_fund_id = $1
         UNION
         SELECT f.fund_id, f.data FROM fund f JOIN below b ON f.parent_fund_id = b.fund_id
       ) SELECT data FROM below`,
      [fundId],
    );
    return fundReport(
      root.data,
      below.map((r) => r.data),
    );
  }

  /** The fund's row, or 404. */
  async row(fundId: string): Promise<FundEntity> {
    const row = await this.dataSource.getRepository(FundEntity).findOneBy({ fundId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no fund ${fundId}.`);
    return row;
  }

  /**
   * A fund is read by the staff of its holder's subtree, and by those of the nodes below it (a
   * fund held above a case's unit may pay it): the holder is in a subtree of the principal's
   * units, or on the path of one of them.
   */
  private async mayRead(principal: Principal, holderOrgId: string): Promise<boolean> {
    if (readsEveryUnit(principal)) return true;
    if (await this.orgScope.canActFor(principal, holderOrgId)) return true;
    return (await this.ancestorsOfUnits(principal)).includes(holderOrgId);
  }

  private async scopeSql(principal: Principal, params: unknown[]): Promise<string | null> {
    const within = this.orgScope.scopeSql(principal, 'f.holder_org_id', params);
    if (within === null) return null;
    const above = await this.ancestorsOfUnits(principal);
    return `(${within} OR f.holder_org_id = ANY($${params.push(above)}::text[]))`;
  }

  private async ancestorsOfUnits(principal: Principal): Promise<string[]> {
    const paths = await Promise.all(principal.units.map((u) => this.orgScope.pathOf(u)));
    return [...new Set(paths.flat())];
  }
}
