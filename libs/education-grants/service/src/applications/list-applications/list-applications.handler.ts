import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ALL_UNITS, assertUnit, type Page, type Principal } from '@union/platform';
import { DATA_SOURCE } from '@union/runtime';
import { GrantApplicationEntity } from '../../read-models/grant-application.entity';
import { applicationView, type ApplicationView } from '../application.view';
import type { ListApplicationsQuery } from './list-applications.query';

/** True when the principal sees every unit's applications: auditors, and tokens with `*`. */
export const seesAllUnits = (principal: Principal): boolean =>
  principal.units.includes(ALL_UNITS) || principal.roles.includes('auditor');

/** The applications worklist; a caseworker or reviewer only ever sees the units in their token. */
@Injectable()
export class ListApplicationsHandler {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute(query: ListApplicationsQuery, principal: Principal): Promise<Page<ApplicationView>> {
    const qb = this.dataSource.getRepository(GrantApplicationEntity).createQueryBuilder('a');
    if (!seesAllUnits(principal)) {
      if (query.unitId) assertUnit(principal, query.unitId);
      qb.andWhere('a.unit_id IN (:...units)', { units: principal.units.length ? principal.units : [''] });
    }
    if (query.campaignId) qb.andWhere('a.campaign_id = :campaignId', { campaignId: query.campaignId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.unitId) qb.andWhere('a.unit_id = :unitId', { unitId: query.unitId });
    const [rows, total] = await qb
      .orderBy('a.submitted_at', 'DESC')
      .addOrderBy('a.application_id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((r) => applicationView(r.data, r.version)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
