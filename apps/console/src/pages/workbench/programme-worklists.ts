/**
 * The data behind 工作台's worklists of the other programmes: one page for a card or the list
 * screen, every page for the export. The item types stay in here; callers see tables and lines.
 */
import type { Api } from '../../api/client';
import { unwrap } from '../../api/client';
import { allPages } from '../../export/all-pages';
import type { FigureTable } from '../../export/figure-table';
import { labelOf } from '../../format/labels';
import { formatYuan } from '../../format/money';
import { HOLD_REASON_LABELS } from '../people/labels';
import { PROGRAMME_LISTS, type ProgrammeList } from './workbench-lists';
import { applicationTable, claimTable } from './worklist-tables';

/** One line of a card: who, and what to know at a glance. */
export interface WorklistLine {
  readonly key: string;
  readonly name: string;
  readonly detail: string;
}

export interface WorklistPage {
  readonly total: number;
  readonly table: FigureTable;
  readonly lines: readonly WorklistLine[];
}

export interface ProgrammeWorklist {
  readonly list: ProgrammeList;
  page(api: Api, page: number, pageSize: number): Promise<WorklistPage>;
  /** The whole list as a table, for the export. */
  all(api: Api): Promise<FigureTable>;
}

const query = (status: string, page: number, pageSize: number) => ({
  status,
  page: String(page),
  pageSize: String(pageSize),
});

const applications = (list: ProgrammeList): ProgrammeWorklist => {
  const fetch = async (api: Api, page: number, pageSize: number) =>
    unwrap(
      await api.GET('/api/v1/grants/applications', { params: { query: query(list.status, page, pageSize) } }),
    );
  return {
    list,
    async page(api, page, pageSize) {
      const answer = await fetch(api, page, pageSize);
      return {
        total: answer.total,
        table: applicationTable(list.title, answer.items),
        lines: answer.items.map((a) => ({
          key: a.applicationId,
          name: a.student.name,
          detail: a.holdReason ? labelOf(HOLD_REASON_LABELS, a.holdReason) : formatYuan(a.amountFen),
        })),
      };
    },
    all: async (api) => applicationTable(list.title, await allPages((p, s) => fetch(api, p, s))),
  };
};

const claims = (list: ProgrammeList): ProgrammeWorklist => {
  const fetch = async (api: Api, page: number, pageSize: number) =>
    unwrap(
      await api.GET('/api/v1/medical-aid/claims', { params: { query: query(list.status, page, pageSize) } }),
    );
  return {
    list,
    async page(api, page, pageSize) {
      const answer = await fetch(api, page, pageSize);
      return {
        total: answer.total,
        table: claimTable(list.title, answer.items),
        lines: answer.items.map((c) => ({
          key: c.claimId,
          name: c.member.name,
          detail: `互助金 ${formatYuan(c.quote.payoutFen)}`,
        })),
      };
    },
    all: async (api) => claimTable(list.title, await allPages((p, s) => fetch(api, p, s))),
  };
};

export const PROGRAMME_WORKLISTS: readonly ProgrammeWorklist[] = PROGRAMME_LISTS.map((l) =>
  l.key === 'grants-on-hold' ? applications(l) : claims(l),
);

export const worklistOf = (key: string | undefined): ProgrammeWorklist | undefined =>
  PROGRAMME_WORKLISTS.find((w) => w.list.key === key);
