import type { ApproveAssistance, RecordAssistance, RejectAssistance } from '../case/case.commands';
import { caseDecider } from '../case/case.decider';
import type { CaseEvent } from '../case/case.events';
import { caseOpened, on } from './case.fixtures';
import { given } from '@union/kernel/testing';

/** Commands about assistance on the fixture case: recorded by cw-1, decided by rv-1. */
export const record = (amountFen: number, overrides: Partial<RecordAssistance> = {}): RecordAssistance => ({
  type: 'RecordAssistance',
  ...on('2024-05-01'),
  assistanceId: `as-${amountFen}`,
  kind: 'cash',
  category: 'living',
  amountFen,
  fundId: 'fund-1',
  description: 'Monthly living support',
  ...overrides,
});

/** The events of recording `amountFen` on the case with `history`. */
export const recorded = (
  history: CaseEvent[],
  amountFen: number,
  overrides: Partial<RecordAssistance> = {},
) =>
  given(caseDecider, caseOpened(), ...history)
    .when(record(amountFen, overrides))
    .events();

export const approve = (
  assistanceId: string,
  overrides: Partial<ApproveAssistance> = {},
): ApproveAssistance => ({
  type: 'ApproveAssistance',
  ...on('2024-05-02', 'rv-1'),
  assistanceId,
  ...overrides,
});
export const reject = (
  assistanceId: string,
  overrides: Partial<RejectAssistance> = {},
): RejectAssistance => ({
  type: 'RejectAssistance',
  ...on('2024-05-02', 'rv-1'),
  assistanceId,
  reason: 'Covered by the medical-aid claim',
  ...overrides,
});
