import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { chinaToday, DomainError } from '@union/kernel';
import type { Page, Principal } from '@union/platform';
import type { EventStore } from '@union/event-store';
import { assess, caseStreamId } from '@union/hardship-cases/domain';
import { DATA_SOURCE, Disclosure, EVENT_STORE, hiddenFromWork, OrgScope } from '@union/runtime';
import { capView } from '../assistance/assistance-cap.view';
import { assistanceView } from '../assistance/assistance.view';
import { HARDSHIP_SETTINGS } from '../hardship-cases.di-tokens';
import type { HardshipSettings } from '../hardship.settings';
import { AssistanceEntity } from '../read-models/assistance/assistance.entity';
import { CaseSummaryEntity } from '../read-models/case-summary/case-summary.entity';
import { ExternalAssistanceEntity } from '../read-models/external-assistance/external-assistance.entity';
import { ReferralEntity } from '../read-models/referrals/referral.entity';
import { VisitEntity } from '../read-models/visits/visit.entity';
import { referralView, withMemberName } from '../referrals/referral.view';
import { RegionPolicies } from '../policies/region-policies.service';
import { historySummary, type CaseDetailView } from './case-detail.view';
import { caseView, withCaseName, type CaseView } from './case.view';
import type { ListCasesQuery } from './list-cases.query';

/** Worklists and the case file over the read models; a caseworker only ever sees their units. */
@Injectable()
export class CaseQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HARDSHIP_SETTINGS) private readonly settings: HardshipSettings,
    private readonly orgScope: OrgScope,
    private readonly disclosure: Disclosure,
    private readonly policies: RegionPolicies,
  ) {}

  async list(query: ListCasesQuery, principal: Principal): Promise<Page<CaseView>> {
    const today = chinaToday(new Date());
    const qb = this.dataSource.getRepository(CaseSummaryEntity).createQueryBuilder('c');
    const scope = this.orgScope.scopeWhere(principal, 'c.unit_id');
    if (scope) qb.andWhere(scope.sql, scope.params);
    const restricted = hiddenFromWork(principal, 'c.person_ref');
    if (restricted) qb.andWhere(restricted);
    if (query.unitId) qb.andWhere('c.unit_id = :unitId', { unitId: query.unitId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.tier) qb.andWhere('c.tier = :tier', { tier: query.tier });
    if (query.reviewDueBefore) qb.andWhere('c.next_review_due < :due', { due: query.reviewDueBefore });
    if (query.visitOverdue !== undefined) {
      qb.andWhere(
        query.visitOverdue
          ? "c.status = 'open' AND c.visit_overdue_on <= :today"
          : "NOT (c.status = 'open' AND c.visit_overdue_on <= :today)",
        { today },
      );
    }
    const [rows, total] = await qb
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.case_id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.disclosure.names(
      principal,
      rows.map((r) => r.unitId),
    );
    return {
      items: rows.map((r) => withCaseName(caseView(r.data, r.version, today), names)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** The case as commands answer it (read-your-writes: its row was updated in their transaction). */
  async current(caseId: string): Promise<{ version: number; view: CaseView }> {
    const row = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ caseId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no case ${caseId}.`);
    return { version: row.version, view: caseView(row.data, row.version, chinaToday(new Date())) };
  }

  /**
   * The case file of API.md: the summary with this year's assistance against the cap, assistance,
   * visits, other programmes, referrals, history. Names as the reader may see them; with a stated
   * `purpose`, the person's full identity number too (`person.idNumber`: null when it was not
   * kept, DOMAIN.md §5).
   */
  async detail(
    row: CaseSummaryEntity,
    principal: Principal,
    purpose: string | null,
  ): Promise<CaseDetailView> {
    const caseId = row.caseId;
    const today = chinaToday(new Date());
    const names = await this.disclosure.names(principal, [row.unitId]);
    const idNumber =
      purpose === null
        ? undefined
        : ((await this.disclosure.revealNumbers(principal, row.unitId, [row.personRef])).get(row.personRef) ??
          null);
    const m = this.dataSource.manager;
    const assistance = await m.find(AssistanceEntity, {
      where: { caseId },
      order: { recordedOn: 'ASC', assistanceId: 'ASC' },
    });
    const visits = await m.find(VisitEntity, {
      where: { caseId },
      order: { visitedOn: 'DESC', visitId: 'ASC' },
    });
    const external = await m.find(ExternalAssistanceEntity, {
      where: { caseId },
      order: { occurredOn: 'ASC', sourceEventId: 'ASC' },
    });
    const referrals = await m.find(ReferralEntity, { where: { caseId }, order: { receivedAt: 'ASC' } });
    const events = await this.store.readStream(caseStreamId(caseId));
    const view = withCaseName(caseView(row.data, row.version, today), names);
    // The lines the tier was last judged by: the household under the policy the decision names.
    const policy = await this.policies.decidedUnder(row.data.policyVersion);
    const { household, emergencyExpenseFen } = row.data;
    return {
      ...view,
      person: idNumber === undefined ? view.person : { ...view.person, idNumber },
      cap: capView(row.data, Number(today.slice(0, 4)), this.settings),
      assessment: policy && assess(household, emergencyExpenseFen ?? undefined, policy),
      assistance: assistance.map((a) => assistanceView(a.data)),
      visits: visits.map(({ data: { caseId: _c, ...visit } }) => visit),
      externalAssistance: external.map(({ data: { caseId: _c, ...payment } }) => payment),
      referrals: referrals.map((r) => withMemberName(referralView(r.data, r.version), names)),
      history: historySummary(events),
    };
  }
}
