import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { chinaToday } from '@union/kernel';
import { ALL_UNITS, type Principal } from '@union/platform';
import { DATA_SOURCE } from '@union/runtime';
import { CaseSummaryEntity } from '../read-models/case-summary.entity';
import { caseView, type CaseView } from './case.view';
import type { ListCasesQuery } from './list-cases.query';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Worklists over the case summary; a caseworker only ever sees the units in their token. */
@Injectable()
export class CaseQueries {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async list(query: ListCasesQuery, principal: Principal): Promise<Page<CaseView>> {
    const today = chinaToday(new Date());
    const qb = this.dataSource.getRepository(CaseSummaryEntity).createQueryBuilder('c');
    if (!principal.units.includes(ALL_UNITS) && !principal.roles.includes('auditor')) {
      qb.andWhere('c.unit_id IN (:...units)', { units: principal.units.length ? principal.units : [''] });
    }
    if (query.unitId) qb.andWhere('c.unit_id = :unitId', { unitId: query.unitId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.tier) qb.andWhere('c.tier = :tier', { tier: query.tier });
    if (query.reviewDueBefore) qb.andWhere('c.next_review_due < :due', { due: query.reviewDueBefore });
    if (query.visitOverdue !== undefined) {
      qb.andWhere(query.visitOverdue ? "c.status = 'open' AND c.visit_overdue_on <= :today" : "NOT (c.status = 'open' AND c.visit_overdue_on <= :today)", { today });
    }
    const [rows, total] = await qb
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.case_id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((r) => caseView(r.data, r.version, today)), page: query.page, pageSize: query.pageSize, total };
  }
}
