// Test helper, never imported by production code: given(events).when(command).then(events).
import { DomainError, type Decider, type DomainEvent, type ErrorCode } from '@union/kernel';

/** The outcome checks of one scenario. */
export interface Scenario<Event> {
  /** The command decides exactly these events. */
  then(expected: readonly Event[]): void;
  /** The command is refused with `code` (and `details`, when given); returns the error for more checks. */
  thenThrows(code: ErrorCode, details?: Readonly<Record<string, unknown>>): DomainError;
}

/** A scenario builder for one decider: `spec.given(history).when(command).then(events)`. */
export interface DeciderSpec<Command, Event> {
  given(history?: readonly Event[]): { when(command: Command): Scenario<Event> };
}

/** Builds {@link DeciderSpec} for `decider`; the history is folded with its own `evolve`. */
export function deciderSpec<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
): DeciderSpec<Command, Event> {
  return {
    given: (history = []) => ({
      when: (command) => {
        const run = (): Event[] =>
          decider.decide(
            command,
            history.reduce((s, e) => decider.evolve(s, e), decider.initialState()),
          );
        return {
          then: (expected) => expect(run()).toEqual(expected),
          thenThrows: (code, details) => {
            let caught: unknown;
            try {
              run();
            } catch (error) {
              caught = error;
            }
            if (!(caught instanceof DomainError)) {
              const got =
                caught instanceof Error
                  ? caught.message
                  : caught === undefined
                    ? 'no error'
                    : JSON.stringify(caught);
              throw new Error(`Expected a DomainError ${code}, got ${got}.`);
            }
            expect(caught.code).toBe(code);
            if (details !== undefined) expect(caught.details).toEqual(details);
            return caught;
          },
        };
      },
    }),
  };
}

/** Folds `history` into the decider's state, for tests that inspect it. */
export const stateAfter = <State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  history: readonly Event[],
): State => history.reduce((s, e) => decider.evolve(s, e), decider.initialState());
