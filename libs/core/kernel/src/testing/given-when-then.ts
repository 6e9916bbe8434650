// Test helper (never imported by production code), shared by the domains' decider specs.
import { DomainError, type Decider, type DomainEvent, type ErrorCode } from '../index';

/** What a failed decision must look like: its code and, optionally, part of the error. */
export interface ExpectedError {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  readonly message?: RegExp;
  readonly fields?: readonly string[];
}

/** The outcome of `given(...).when(command)`, checked with `then` or `thenFails`. */
export interface WhenResult<Event> {
  /** The decision's events, for assertions the two shortcuts below do not cover. */
  readonly events: () => Event[];
  /** The command decides exactly `expected`. */
  readonly then: (expected: Event[]) => void;
  /** The command is refused with a DomainError like `expected`. */
  readonly thenFails: (expected: ErrorCode | ExpectedError) => DomainError;
}

/**
 * `given(decider, ...history).when(command).then(events)` (STYLE.md, Emmett's tests): the history
 * is folded with the decider's own `evolve`, so the tests exercise it too.
 */
export function given<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  ...history: Event[]
): { when: (command: Command) => WhenResult<Event> } {
  const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  return {
    when: (command) => {
      const events = (): Event[] => decider.decide(command, state);
      return {
        events,
        then: (expected) => expect(events()).toEqual(expected),
        thenFails: (expected) => {
          const want = typeof expected === 'string' ? { code: expected } : expected;
          const error = caught(events);
          expect(error).toBeInstanceOf(DomainError);
          const domainError = error as DomainError;
          expect(domainError.code).toBe(want.code);
          if (want.details) expect(domainError.details).toMatchObject(want.details);
          if (want.message) expect(domainError.message).toMatch(want.message);
          if (want.fields) expect(domainError.errors?.map((e) => e.field)).toEqual(want.fields);
          return domainError;
        },
      };
    },
  };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the command to be refused, but it was accepted.');
}
