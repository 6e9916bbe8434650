import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError } from '@union/kernel';
import type { Page, Principal } from '@union/platform';
import { DATA_SOURCE, Disclosure, hiddenFromWork } from '@union/runtime';
import { ClaimSummaryEntity } from '../read-models/claim-summary.entity';
import { ReadScope } from '../shared/read-scope';
import { claimView, type ClaimView } from './claim.view';
import type { ListClaimsQuery } from './list-claims.query';

/** Claim worklists and single claims, from the claim read model. */
@Injectable()
export class ClaimQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly readScope: ReadScope,
    private readonly disclosure: Disclosure,
  ) {}

  /** Newest first; a caseworker or reviewer only sees the subtrees of the units in their token. */
  async list(query: ListClaimsQuery, principal: Principal): Promise<Page<ClaimView>> {
    const qb = this.dataSource.getRepository(ClaimSummaryEntity).createQueryBuilder('c');
    const scope = this.readScope.where(principal, 'c.unit_id');
    if (scope) qb.andWhere(scope.sql, scope.params);
    const restricted = hiddenFromWork(principal, 'c.person_ref');
    if (restricted) qb.andWhere(restricted);
    if (query.periodId) qb.andWhere('c.period_id = :periodId', { periodId: query.periodId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.unitId) qb.andWhere('c.unit_id = :unitId', { unitId: query.unitId });
    if (query.submittedByNot) {
      qb.andWhere("c.data->>'submittedBy' <> :submittedByNot", { submittedByNot: query.submittedByNot });
    }
    const [rows, total] = await qb
      .orderBy('c.submitted_at', 'DESC')
      .addOrderBy('c.claim_id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.disclosure.names(
      principal,
      rows.map((r) => r.unitId),
    );
    return {
      items: rows.map((r) => claimView(r.data, { names })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /**
   * One claim as `principal` may see it: names by their relation to its unit; with a stated
   * `purpose`, the diagnosis and the member's full identity number (403 to a reader who does not
   * see its names in full).
   */
  async view(row: ClaimSummaryEntity, principal: Principal, purpose: string | null): Promise<ClaimView> {
    const names = await this.disclosure.names(principal, [row.unitId]);
    if (purpose === null) return claimView(row.data, { names });
    const numbers = await this.disclosure.revealNumbers(principal, row.unitId, [row.personRef]);
    return claimView(row.data, { names, diagnosis: true, idNumber: numbers.get(row.personRef) ?? null });
  }

  async row(claimId: string): Promise<ClaimSummaryEntity> {
    const row = await this.dataSource.getRepository(ClaimSummaryEntity).findOneBy({ claimId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no claim ${claimId}.`);
    return row;
  }
}
