import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Page, Principal } from '@union/platform';
import { DATA_SOURCE, Disclosure, hiddenFromWork, OrgScope } from '@union/runtime';
import { GrantApplicationEntity } from '../../read-models/grant-application.entity';
import { applicationView, type ApplicationView } from '../application.view';
import type { ListApplicationsQuery } from './list-applications.query';

/** The applications worklist; a caseworker or reviewer only ever sees the subtrees of the units in their token. */
@Injectable()
export class ListApplicationsHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly orgScope: OrgScope,
    private readonly disclosure: Disclosure,
  ) {}

  async execute(query: ListApplicationsQuery, principal: Principal): Promise<Page<ApplicationView>> {
    const qb = this.dataSource.getRepository(GrantApplicationEntity).createQueryBuilder('a');
    if (query.unitId) await this.orgScope.assertReadable(principal, query.unitId);
    const scope = this.orgScope.scopeWhere(principal, 'a.unit_id');
    if (scope) qb.andWhere(scope.sql, scope.params);
    // The parent or the student restricted: the application is not worked on.
    for (const column of ['a.parent_person_ref', 'a.student_person_ref']) {
      const restricted = hiddenFromWork(principal, column);
      if (restricted) qb.andWhere(restricted);
    }
    if (query.campaignId) qb.andWhere('a.campaign_id = :campaignId', { campaignId: query.campaignId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.unitId) qb.andWhere('a.unit_id = :unitId', { unitId: query.unitId });
    if (query.submittedByNot) {
      qb.andWhere("a.data->>'submittedBy' <> :submittedByNot", { submittedByNot: query.submittedByNot });
    }
    const [rows, total] = await qb
      .orderBy('a.submitted_at', 'DESC')
      .addOrderBy('a.application_id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.disclosure.names(
      principal,
      rows.map((r) => r.unitId),
    );
    return {
      items: rows.map((r) => applicationView(r.data, r.version, names)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
