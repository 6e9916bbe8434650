/** A domain event as deciders see it: a past-tense type and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** A state written to JSON and read back, for a state that is not plain JSON (Map, Set, Date, bigint). */
export interface StateCodec<State> {
  encode: (state: State) => unknown;
  /** @throws on a value it cannot read: the snapshot is then ignored and the stream folded whole. */
  decode: (json: unknown) => State;
}

/**
 * How a stream that grows with the programme is decided quickly (ARCHITECTURE.md, "Long
 * streams"): from a snapshot of its folded state plus the events after it. A snapshot is a
 * cache, never the truth: the event store checks it against the log and may drop it any time.
 */
export interface SnapshotPolicy<State> {
  /**
   * The version of `evolve` and of the state's shape. Bump it with any change to either (or to
   * an upcaster that changes what evolve sees): snapshots folded by another version are ignored.
   */
  readonly stateVersion: number;
  /** A snapshot is written once this many events were appended since the last one. */
  readonly every: number;
  /** Omitted: the state is plain JSON (a round-trip unit test says so). */
  readonly codec?: StateCodec<State>;
}

/**
 * The decider contract (STYLE.md): `decide(command, state) -> events` (throws a DomainError),
 * `evolve(state, event) -> state`, `initialState`. Pure: time, ids, actor and policy come in the
 * command, never from globals. A long stream's decider also says how its state is snapshotted.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
  snapshots?: SnapshotPolicy<State>;
}
