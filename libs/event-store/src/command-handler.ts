import type { EntityManager } from 'typeorm';
import type { Decider, DomainEvent } from '@union/kernel';
import { WrongExpectedVersionError } from './errors';
import type { EventStore } from './event-store';
import type { EventMetadata, StoredEvent } from './types';

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

/**
 * Load the stream, fold it, decide, append with the expected version. A conflicting append
 * (someone wrote in between) decides again on the fresh state, a bounded number of times; with
 * `ifMatch` the conflict goes back to the client instead.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  command: Command,
  context: CommandContext,
): Promise<CommandResult<State>> {
  // Inside a caller's transaction a failed append has aborted it: the caller must retry whole.
  const attempts = context.tx ? 1 : (context.maxAttempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(context.streamId, { tx: context.tx });
    const version = history.length;
    if (context.ifMatch !== undefined && context.ifMatch !== version) {
      throw new WrongExpectedVersionError(context.streamId, context.ifMatch, version);
    }
    let state = history.reduce((s, e) => decider.evolve(s, e as unknown as Event), decider.initialState());
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { state, version, events: [] };
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
          expectedHash: history[version - 1]?.hash ?? null,
          streamType: context.streamType,
          tx: context.tx,
        },
      );
      state = decided.reduce((s, e) => decider.evolve(s, e), state);
      return { state, version: result.nextVersion, events: result.events };
    } catch (error) {
      const retry =
        error instanceof WrongExpectedVersionError && context.ifMatch === undefined && attempt < attempts;
      if (!retry) throw error;
    }
  }
}
