import type { EntityManager } from 'typeorm';
import type { Decider, DomainEvent } from '@union/kernel';
import { WrongExpectedVersionError } from './errors';
import type { EventStore } from './event-store';
import { encodeState, loadState, type LoadedStream } from './snapshots/stream-state';
import { writeSnapshot, writeSnapshotInTransaction } from './snapshots/snapshots';
import type { AppendResult, EventMetadata, StoredEvent } from './types';

export interface CommandContext {
  streamId: string;
  streamType: string;
  metadata: EventMetadata;
  /** The person the stream is about, stored on each event for timelines. */
  personRef?: string | null;
  /** The version the client last saw (`If-Match`): a mismatch is a conflict, never retried. */
  ifMatch?: number;
  /** Run inside the caller's transaction. */
  tx?: EntityManager;
  maxAttempts?: number;
}

export interface CommandResult<State> {
  state: State;
  version: number;
  events: StoredEvent[];
}

/** The stream as it was loaded for the decision: the version its state was folded to. */
export interface StreamAt {
  streamId: string;
  version: number;
  tx?: EntityManager;
}

/**
 * A command completed once the stream is loaded, for a decision that needs a few events its
 * folded state does not keep (read by index, up to `version`, so they agree with the state).
 */
export type DeferredCommand<Command> = (stream: StreamAt) => Promise<Command>;

/**
 * Load the stream (from its snapshot, for a decider with a snapshot policy), decide, append with
 * the expected version, and snapshot when one is due. A conflicting append (someone wrote in
 * between) decides again on the fresh state, a bounded number of times; with `ifMatch` the
 * conflict goes back to the client instead.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  command: Command | DeferredCommand<Command>,
  context: CommandContext,
): Promise<CommandResult<State>> {
  // Inside a caller's transaction a failed append has aborted it: the caller must retry whole.
  const attempts = context.tx ? 1 : (context.maxAttempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadState(store, decider, context.streamId, { tx: context.tx });
    const { version } = loaded;
    if (context.ifMatch !== undefined && context.ifMatch !== version) {
      throw new WrongExpectedVersionError(context.streamId, context.ifMatch, version);
    }
    const complete =
      typeof command === 'function'
        ? await (command as DeferredCommand<Command>)({ streamId: context.streamId, version, tx: context.tx })
        : command;
    const decided = decider.decide(complete, loaded.state);
    if (decided.length === 0) return { state: loaded.state, version, events: [] };
    try {
      const result = await store.append(
        context.streamId,
        decided.map((e) => ({
          type: e.type,
          data: e.data,
          metadata: context.metadata,
          personRef: context.personRef,
        })),
        {
          expectedVersion: version === 0 ? 'no_stream' : version,
          expectedHash: loaded.headHash,
          streamType: context.streamType,
          tx: context.tx,
        },
      );
      const state = decided.reduce((s, e) => decider.evolve(s, e), loaded.state);
      await snapshotIfDue(store, decider, context, loaded, result, state);
      return { state, version: result.nextVersion, events: result.events };
    } catch (error) {
      const retry =
        error instanceof WrongExpectedVersionError && context.ifMatch === undefined && attempt < attempts;
      if (!retry) throw error;
    }
  }
}

/**
 * Writes the new state as the stream's snapshot once `every` events were appended since the
 * fold's starting point: in the caller's transaction (in a savepoint) when there is one, else
 * right after the append committed. A snapshot is a cache: a failed write is reported to
 * `store.onSnapshotError` and never fails the command; the next command tries again.
 */
async function snapshotIfDue<State>(
  store: EventStore,
  decider: Pick<Decider<State, never, never>, 'snapshots'>,
  context: CommandContext,
  loaded: LoadedStream<State>,
  result: AppendResult,
  state: State,
): Promise<void> {
  const policy = decider.snapshots;
  if (!policy || result.alreadyStored || result.nextVersion - loaded.snapshotVersion < policy.every) return;
  try {
    const snapshot = {
      streamId: context.streamId,
      stateVersion: policy.stateVersion,
      version: result.nextVersion,
      hash: result.headHash,
      state: encodeState(policy, state),
    };
    if (context.tx) await writeSnapshotInTransaction(context.tx, snapshot);
    else await writeSnapshot(store.dataSource.manager, snapshot);
  } catch (error) {
    store.onSnapshotError(error, context.streamId);
  }
}
