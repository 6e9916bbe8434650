import type { CommandContext, Household } from '../shared/hardship-vocabulary';
import { DEFAULT_POLICY, type RegionPolicy } from '../policy/region-policy';
import { caseDecider } from '../case/case.decider';
import { initialCaseState } from '../case/case.state';
import type { HardshipCaseClosed, HardshipCaseOpened } from '../case/case.events';
import type { OpenCase } from '../case/case.commands';

/** Test fixtures for the case decider: one person, one case, fixed times. Never used by production code. */
export const CASE_ID = '00000000-0000-4000-8000-0000000000c1';
export const PERSON_REF = 'a'.repeat(64);
export const REGION = '630102';

/** The worker's signed authorisation (授权书), signed the day before the opening. */
export const CONSENT = { documentRef: '西工帮授〔2024〕0001号', signedOn: '2024-02-29' } as const;

/** The caseworker who opened the case, on 2024-03-01 (China time). */
export const caseworker: CommandContext = {
  actor: 'cw-1',
  now: '2024-03-01T02:00:00.000Z',
  today: '2024-03-01',
};
/** A reviewer other than the caseworker. */
export const reviewer: CommandContext = {
  actor: 'rv-1',
  now: '2024-03-02T02:00:00.000Z',
  today: '2024-03-02',
};

/** The context of `actor` acting on business date `today`. */
export const on = (today: string, actor = 'cw-1'): CommandContext => ({
  actor,
  today,
  now: `${today}T02:00:00.000Z`,
});

/** A region policy like the default one, published as `<REGION>-<n>`. */
export const regionPolicy = (overrides: Partial<RegionPolicy> = {}): RegionPolicy => ({
  ...DEFAULT_POLICY,
  regionCode: REGION,
  policyVersion: `${REGION}-1`,
  ...overrides,
});

/** A household of one with `monthlyIncomeFen` (so per-capita income equals it). */
export const householdOf = (monthlyIncomeFen: number, size = 1): Household => ({ size, monthlyIncomeFen });

/** An OpenCase for a deep-tier household of two under the default policy. */
export function openCase(overrides: Partial<OpenCase> = {}): OpenCase {
  return {
    type: 'OpenCase',
    ...caseworker,
    caseId: CASE_ID,
    personRef: PERSON_REF,
    idNumberMasked: '110105********002X',
    name: 'Wang Fang',
    phone: '13800000000',
    unitId: 'unit-1',
    regionCode: REGION,
    household: householdOf(160_000, 2),
    causes: ['illness'],
    channel: 'walk_in',
    consent: CONSENT,
    policy: DEFAULT_POLICY,
    ...overrides,
  };
}

/** The opening event the decider gives for {@link openCase} with `overrides`. */
export function caseOpened(overrides: Partial<OpenCase> = {}): HardshipCaseOpened {
  const [event] = caseDecider.decide(openCase(overrides), initialCaseState());
  if (event?.type !== 'HardshipCaseOpened') throw new Error('fixture: the case did not open');
  return event;
}

/** The case closed by the caseworker with `reason` on `closedOn`. */
export const caseClosed = (
  reason: HardshipCaseClosed['data']['reason'] = 'moved_away',
  closedOn = '2024-06-01',
): HardshipCaseClosed => ({
  type: 'HardshipCaseClosed',
  data: {
    caseId: CASE_ID,
    personRef: PERSON_REF,
    reason,
    closedOn,
    closedAt: `${closedOn}T02:00:00.000Z`,
    closedBy: 'cw-1',
  },
});
