/**
 * 工作台's queries, one place for their keys and their requests: the page reads them, and the
 * shell asks for them before React first renders when 工作台 is the page being opened
 * ({@link prefetchWorkbench}), so the counts travel while the scripts still run.
 */
import type { QueryClient } from '@tanstack/react-query';
import { unwrap, type Api } from '../../api/client';
import { chinaDateOf } from '../../format/date';
import { PROGRAMME_WORKLISTS, type ProgrammeWorklist } from './programme-worklists';
import { workbenchLists } from './workbench-lists';

/** The case lists' first five each, and the pending referrals: one round trip for all. */
export const workbenchCountsQuery = (api: Api, today: string) => ({
  queryKey: ['workbench', today] as const,
  queryFn: async () => {
    const [referrals, ...cases] = await Promise.all([
      api.GET('/api/v1/hardship/referrals', { params: { query: { status: 'pending' } } }).then(unwrap),
      ...workbenchLists(today).cases.map((l) =>
        api.GET('/api/v1/hardship/cases', { params: { query: { ...l.query, pageSize: '5' } } }).then(unwrap),
      ),
    ]);
    return { cases, referrals };
  },
});

/** A list of another programme: its own request, so a programme that does not answer says so alone. */
export const programmeListQuery = (api: Api, worklist: ProgrammeWorklist) => ({
  queryKey: ['workbench', worklist.list.key] as const,
  queryFn: () => worklist.page(api, 1, 5),
});

/** Every query of 工作台 asked for now, for the business date of `now`. */
export function prefetchWorkbench(client: QueryClient, api: Api, now = new Date()): void {
  void client.prefetchQuery(workbenchCountsQuery(api, chinaDateOf(now)));
  for (const w of PROGRAMME_WORKLISTS) void client.prefetchQuery(programmeListQuery(api, w));
}
