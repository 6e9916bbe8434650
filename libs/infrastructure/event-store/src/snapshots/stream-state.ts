import type { EntityManager } from 'typeorm';
import type { Decider, DomainEvent, SnapshotPolicy } from '@union/kernel';
import type { EventStore } from '../event-store';
import type { StoredEvent } from '../types';
import { readSnapshot, type Snapshot } from './snapshots';

/** A stream folded for a decision. */
export interface LoadedStream<State> {
  state: State;
  /** The stream's version (0: no events). */
  version: number;
  /** The hash of the stream's last event, which the next append chains to (null: no events). */
  headHash: string | null;
  /** The version of the snapshot the fold started from (0: from the first event). */
  snapshotVersion: number;
}

type FoldingDecider<State, Event extends DomainEvent> = Pick<
  Decider<State, never, Event>,
  'initialState' | 'evolve' | 'snapshots'
>;

/**
 * The stream's state for a decision. With a snapshot policy: the stream's snapshot for the
 * decider's state version, and only the events from its version on (by the unique index on
 * (stream_id, version)). The snapshot is used only when the log still holds its event with its
 * hash and the codec reads it; otherwise it is ignored and the whole stream folded, so a wrong,
 * stale or foreign snapshot can cost time but never change a decision.
 */
export async function loadState<State, Event extends DomainEvent>(
  store: EventStore,
  decider: FoldingDecider<State, Event>,
  streamId: string,
  options: { tx?: EntityManager } = {},
): Promise<LoadedStream<State>> {
  const { tx } = options;
  const policy = decider.snapshots;
  if (policy) {
    const snapshot = await readSnapshot(tx ?? store.dataSource.manager, streamId, policy.stateVersion);
    if (snapshot) {
      const events = await store.readStream(streamId, { fromVersion: snapshot.version, tx });
      const start = matchesLog(snapshot, events[0]) ? decoded(policy, snapshot.state) : null;
      if (start) return fold(decider, start.state, events.slice(1), snapshot);
    }
  }
  return fold(decider, decider.initialState(), await store.readStream(streamId, { tx }), null);
}

/** The snapshot's state in the shape it is stored, ready for `writeSnapshot`. */
export function encodeState<State>(policy: SnapshotPolicy<State>, state: State): unknown {
  return policy.codec ? policy.codec.encode(state) : state;
}

const matchesLog = (snapshot: Snapshot, event: StoredEvent | undefined): boolean =>
  event !== undefined && event.version === snapshot.version && event.hash === snapshot.hash;

function decoded<State>(policy: SnapshotPolicy<State>, json: unknown): { state: State } | null {
  if (!policy.codec) return { state: json as State };
  try {
    return { state: policy.codec.decode(json) };
  } catch {
    return null;
  }
}

function fold<State, Event extends DomainEvent>(
  decider: FoldingDecider<State, Event>,
  start: State,
  events: readonly StoredEvent[],
  snapshot: Snapshot | null,
): LoadedStream<State> {
  // A stored event is the domain event (type, data) with its envelope.
  const state = events.reduce((s, e) => decider.evolve(s, e as unknown as Event), start);
  const last = events[events.length - 1];
  return {
    state,
    version: last?.version ?? snapshot?.version ?? 0,
    headHash: last?.hash ?? snapshot?.hash ?? null,
    snapshotVersion: snapshot?.version ?? 0,
  };
}
