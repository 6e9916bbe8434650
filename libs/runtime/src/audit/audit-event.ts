import type { StoredEvent } from '@union/event-store';

/**
 * An event as auditors see it: as stored (not upcast), with everything its hash covers, so the
 * chain can be recomputed offline (`personRef` included: it is hashed; identity numbers never are).
 * Personal fields are sealed in `data` as stored (docs/personal-information.md); `opened` is the
 * same data with them opened for reading, or read as erased. It is not hashed.
 */
export interface AuditEvent {
  service: string;
  streamId: string;
  streamType: string;
  version: number;
  globalPosition: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  /** `data` with its personal fields opened (or `[erased]`), only where it has sealed ones. */
  opened?: unknown;
  metadata: StoredEvent['metadata'];
  recordedAt: string;
  personRef: string | null;
  hash: string;
  prevHash: string | null;
}

export const toAuditEvent = (service: string, e: StoredEvent, opened?: StoredEvent): AuditEvent => ({
  service,
  streamId: e.streamId,
  streamType: e.streamType,
  version: e.version,
  globalPosition: e.globalPosition,
  eventId: e.eventId,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  ...(opened && opened.data !== e.data ? { opened: opened.data } : {}),
  metadata: e.metadata,
  recordedAt: e.recordedAt.toISOString(),
  personRef: e.personRef,
  hash: e.hash,
  prevHash: e.prevHash,
});
