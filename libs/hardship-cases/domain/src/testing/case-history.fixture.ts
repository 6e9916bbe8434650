import type { CaseCommand } from '../case/case.commands';
import { caseDecider } from '../case/case.decider';
import type { CaseEvent } from '../case/case.events';
import { DEFAULT_POLICY } from '../policy/region-policy';
import { householdOf, on, openCase } from './case.fixtures';

/** The events of running `commands` one after another on a new case. */
export function play(...commands: CaseCommand[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const command of commands) {
    const state = events.reduce(caseDecider.evolve, caseDecider.initialState());
    events.push(...caseDecider.decide(command, state));
  }
  return events;
}

const cw = (today: string) => on(today, 'cw-1');
const assist = (assistanceId: string, amountFen: number, today: string): CaseCommand => ({
  type: 'RecordAssistance',
  ...cw(today),
  assistanceId,
  kind: 'cash',
  category: 'medical',
  amountFen,
  fundId: 'fund-1',
  description: 'help',
});

/** A year in the life of a case: visits, pairing, assistance over two years, a rejection. */
export const history = play(
  openCase(),
  {
    type: 'RecordVisit',
    ...cw('2024-04-10'),
    visitId: 'v1',
    visitedOn: '2024-04-10',
    visitor: 'Li',
    findings: 'a',
  },
  {
    type: 'RecordVisit',
    ...cw('2024-04-20'),
    visitId: 'v0',
    visitedOn: '2024-03-15',
    visitor: 'Li',
    findings: 'late entry',
  },
  { type: 'AssignPairing', ...cw('2024-04-11'), helperName: 'Zhao', helperUnit: 'U7' },
  assist('a1', 100_000, '2024-05-01'),
  assist('a2', 600_000, '2024-05-02'),
  { type: 'ApproveAssistance', ...on('2024-05-03', 'rv-1'), assistanceId: 'a2' },
  assist('a3', 700_000, '2024-06-01'),
  { type: 'RejectAssistance', ...on('2024-06-02', 'rv-1'), assistanceId: 'a3', reason: 'no' },
  assist('a4', 50_000, '2025-01-05'),
  { type: 'ReassessCase', ...cw('2025-02-01'), household: householdOf(240_000, 2), policy: DEFAULT_POLICY },
  { type: 'AttachReferral', ...cw('2025-02-02'), referralId: 'ref-1' },
  {
    type: 'RecordExternalAssistance',
    ...cw('2025-02-03'),
    source: 'education-grants',
    sourceEventId: 'e1',
    eventType: 'GrantDisbursed',
    amountFen: 300_000,
    occurredOn: '2025-02-01',
  },
);
