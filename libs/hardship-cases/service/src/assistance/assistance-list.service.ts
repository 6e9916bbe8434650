import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AssistanceRow, CaseSummaryRow } from '@union/hardship-cases/domain';
import type { Page, Principal } from '@union/platform';
import { DATA_SOURCE, Disclosure, hiddenFromWork, type NameView, OrgScope } from '@union/runtime';
import { HARDSHIP_SETTINGS } from '../hardship-cases.di-tokens';
import type { HardshipSettings } from '../hardship.settings';
import { capView, type CapView } from './assistance-cap.view';
import { assistanceView, type AssistanceView } from './assistance.view';
import type { ListAssistanceQuery } from './list-assistance.query';

/**
 * One assistance of the list, with what a reviewer needs to decide it on one screen: the case
 * (tier, person, unit), the case's total in the assistance's year against the yearly cap (the
 * total counts disbursed and pending requests, this one included, as the cap does), and the fund.
 */
export type AssistanceListItem = AssistanceView & {
  readonly recordedAt: string | null;
  readonly case: {
    readonly caseId: string;
    readonly version: number;
    readonly status: string;
    readonly tier: string;
    readonly person: { readonly idNumberMasked: string; readonly name: string };
    readonly unitId: string;
    readonly regionCode: string;
  };
  readonly cap: CapView;
  readonly fund: { readonly fundId: string; readonly name: string; readonly remainingFen: number } | null;
};

interface Row {
  assistance: AssistanceRow;
  case_row: CaseSummaryRow;
  case_version: number;
  fund_name: string | null;
  fund_remaining_fen: string | null;
}

/** Assistance across cases, newest first; a caseworker or reviewer sees only their subtrees. */
@Injectable()
export class AssistanceList {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(HARDSHIP_SETTINGS) private readonly settings: HardshipSettings,
    private readonly orgScope: OrgScope,
    private readonly disclosure: Disclosure,
  ) {}

  async list(query: ListAssistanceQuery, principal: Principal): Promise<Page<AssistanceListItem>> {
    if (query.unitId) await this.orgScope.assertReadable(principal, query.unitId);
    const params: unknown[] = [];
    const where: string[] = [];
    const scope = this.orgScope.scopeSql(principal, 'c.unit_id', params);
    if (scope) where.push(scope);
    const restricted = hiddenFromWork(principal, 'c.person_ref');
    if (restricted) where.push(restricted);
    if (query.status) where.push(`a.status = $${params.push(query.status)}`);
    if (query.unitId) where.push(`c.unit_id = $${params.push(query.unitId)}`);
    if (query.submittedByNot) where.push(`a.data->>'recordedBy' <> $${params.push(query.submittedByNot)}`);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total
       FROM case_assistance a JOIN case_summary c ON c.case_id = a.case_id ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<Row[]>(
      `SELECT a.data AS assistance, c.data AS case_row, c.version AS case_version,
              f.name AS fund_name, f.remaining_fen AS fund_remaining_fen
       FROM case_assistance a JOIN case_summary c ON c.case_id = a.case_id
       LEFT JOIN fund f ON f.fund_id = a.fund_id
       ${filter}
       ORDER BY a.recorded_on DESC, a.data->>'recordedAt' DESC NULLS LAST, a.assistance_id
       LIMIT $${params.push(query.pageSize)} OFFSET $${params.push((query.page - 1) * query.pageSize)}`,
      params,
    );
    const names = await this.disclosure.names(
      principal,
      rows.map((r) => r.case_row.unitId),
    );
    return {
      items: rows.map((r) => this.item(r, names)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  private item(r: Row, names: NameView): AssistanceListItem {
    const a = r.assistance;
    const c = r.case_row;
    return {
      ...assistanceView(a),
      recordedAt: a.recordedAt ?? null,
      case: {
        caseId: c.caseId,
        version: r.case_version,
        status: c.status,
        tier: c.tier,
        person: { idNumberMasked: c.idNumberMasked, name: names.name(c.unitId, c.name) },
        unitId: c.unitId,
        regionCode: c.regionCode,
      },
      cap: capView(c, a.year, this.settings),
      fund:
        a.fundId && r.fund_name !== null
          ? { fundId: a.fundId, name: r.fund_name, remainingFen: Number(r.fund_remaining_fen) }
          : null,
    };
  }
}
