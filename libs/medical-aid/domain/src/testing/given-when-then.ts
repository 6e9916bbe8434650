// Test helper (never imported by production code): given(events).when(command).thenEmits(events).
import { DomainError, type Decider, type DomainEvent, type ErrorCode } from '@union/kernel';

/** What a decision produced: the events, or the error it threw. */
export interface Outcome<Event> {
  /** Asserts the decision emitted exactly `expected`. */
  thenEmits(expected: readonly Event[]): void;
  /** Asserts the decision emitted events matching `expected` (partial objects, in order). */
  thenEmitsMatching(expected: readonly unknown[]): void;
  /** Asserts the decision threw a DomainError with `code` (and the given fields, e.g. `details`). */
  thenFails(code: ErrorCode, expected?: Record<string, unknown>): DomainError;
  /** The events, for assertions the helpers above do not cover (throws what the decision threw). */
  events(): Event[];
}

/** Folds `history` with the decider, then decides `command` against the result. */
export function given<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  history: readonly Event[] = [],
): { state: State; when(command: Command): Outcome<Event> } {
  const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  return {
    state,
    when(command) {
      const run = (): Event[] => decider.decide(command, state);
      return {
        thenEmits: (expected) => expect(run()).toEqual(expected),
        thenEmitsMatching: (expected) => {
          const events = run();
          expect(events).toHaveLength(expected.length);
          expect(events).toMatchObject(expected);
        },
        thenFails: (code, expected = {}) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect(thrown).toMatchObject({ code, ...expected });
          return thrown as DomainError;
        },
        events: run,
      };
    },
  };
}
