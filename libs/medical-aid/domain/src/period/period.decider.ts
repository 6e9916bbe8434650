import { DomainError, type Decider } from '@union/kernel';
import { throwIfInvalid } from '../shared/checks';
import { periodTermsErrors, resolvePeriodTerms, type PeriodTerms } from './open-period.validation';
import {
  evolvePeriod,
  initialPeriodState,
  periodPolicyVersion,
  type PeriodEvent,
  type PeriodState,
} from './period.events';

/** An admin opens a period. `periodId` is the new stream's uuid; `openedAt` an ISO instant. */
export interface OpenPeriod {
  readonly type: 'OpenPeriod';
  readonly periodId: string;
  readonly terms: PeriodTerms;
  readonly openedBy: string;
  readonly openedAt: string;
}

/** Every command of a `period-<uuid>` stream. */
export type PeriodCommand = OpenPeriod;

/**
 * Opens the period with its defaults filled in.
 * @throws DomainError `VALIDATION_FAILED` listing every problem; `CONFLICT` when already opened.
 */
export function decideOpenPeriod(command: OpenPeriod, state: PeriodState): PeriodEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('CONFLICT', `Period ${command.periodId} is already open.`);
  }
  const resolved = resolvePeriodTerms(command.terms);
  throwIfInvalid('The period', periodTermsErrors(resolved));
  return [
    {
      type: 'PeriodOpened',
      data: {
        periodId: command.periodId,
        ...resolved,
        policyVersion: periodPolicyVersion(command.periodId),
        openedBy: command.openedBy,
        openedAt: command.openedAt,
      },
    },
  ];
}

/** The decider of a period stream. */
export function decidePeriod(command: PeriodCommand, state: PeriodState): PeriodEvent[] {
  switch (command.type) {
    case 'OpenPeriod':
      return decideOpenPeriod(command, state);
    default: {
      const _exhaustive: never = command.type;
      return _exhaustive;
    }
  }
}

/** `{ decide, evolve, initialState }` of a `period-<uuid>` stream. */
export const periodDecider: Decider<PeriodState, PeriodCommand, PeriodEvent> = {
  initialState: initialPeriodState,
  evolve: evolvePeriod,
  decide: decidePeriod,
};
