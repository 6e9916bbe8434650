import type { EntityManager } from 'typeorm';

/** Who did it, in which request, because of what, under which policy (ARCHITECTURE.md, "The event log"). */
export interface EventMetadata {
  actor?: string;
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  policyVersion?: string | number;
  [key: string]: unknown;
}

/** An event about to be appended. `eventId` defaults to a fresh uuid. */
export interface NewEvent<T = unknown> {
  eventId?: string;
  type: string;
  /** Defaults to the upcaster registry's current version for the type (1 when none is registered). */
  schemaVersion?: number;
  data: T;
  metadata?: EventMetadata;
  /** The person the event is about, for timelines; never an identity number. */
  personRef?: string | null;
}

/** An event as stored, after upcasting to the current schema version. */
export interface StoredEvent<T = unknown> {
  globalPosition: number;
  streamId: string;
  streamType: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: T;
  metadata: EventMetadata;
  recordedAt: Date;
  transactionId: string;
  personRef: string | null;
  prevHash: string | null;
  hash: string;
}

/** `any`: no check; `no_stream`: the stream must not exist; a number: the stream's current version. */
export type ExpectedVersion = 'any' | 'no_stream' | number;

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  /** The stream type stored with new streams (e.g. `case`); defaults to the stream id's prefix. */
  streamType?: string;
  /**
   * The hash of the event at `expectedVersion`, when the caller has just read the stream: saves
   * the round trip that would fetch it.
   */
  expectedHash?: string | null;
  /** Append inside the caller's transaction (inline projections then run in it too). */
  tx?: EntityManager;
}

export interface AppendResult {
  /** The stream's version after the append. */
  nextVersion: number;
  /** The hash of the stream's last event after the append. */
  headHash: string;
  events: StoredEvent[];
  /** True when every event id was already stored: nothing was written (idempotent retry). */
  alreadyStored: boolean;
}

export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
  /** Only events recorded at or before this instant. */
  asOf?: Date;
  tx?: EntityManager;
}

/** A position in commit order: the writing transaction's id, then the global position. */
export interface Checkpoint {
  transactionId: string;
  globalPosition: number;
}

export const START: Checkpoint = { transactionId: '0', globalPosition: 0 };
