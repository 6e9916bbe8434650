import type { Decider, DomainEvent } from '@union/kernel';
import type { StoredEvent } from '@union/event-store';

/** How the audit folds a record's events into its state: the live decider's own evolve. */
export interface AuditStateModel {
  initialState(): unknown;
  evolve(state: unknown, event: StoredEvent): unknown;
}

/**
 * The audit's view of a decider: the same `initialState` and `evolve` the command handler folds
 * with, so a state rebuilt "as of" a point is what the live service had then.
 */
export function auditState<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
): AuditStateModel {
  return {
    initialState: () => decider.initialState(),
    // A stored event is the domain event (type, data) with its envelope, as the handler passes it.
    evolve: (state, event) => decider.evolve(state as State, event as unknown as Event),
  };
}
