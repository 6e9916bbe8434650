/** A domain event as deciders see it: a past-tense type and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/**
 * The decider contract (STYLE.md): `decide(command, state) -> events` (throws a DomainError),
 * `evolve(state, event) -> state`, `initialState`. Pure: time, ids, actor and policy come in the
 * command, never from globals.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}
