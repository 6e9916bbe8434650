import type { StoredEvent } from '@union/event-store';

/**
 * An event as auditors see it: as stored (not upcast), with everything its hash covers, so the
 * chain can be recomputed offline (`personRef` included: it is hashed; identity numbers never are).
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
  metadata: StoredEvent['metadata'];
  recordedAt: string;
  personRef: string | null;
  hash: string;
  prevHash: string | null;
}

export const toAuditEvent = (service: string, e: StoredEvent): AuditEvent => ({
  service,
  streamId: e.streamId,
  streamType: e.streamType,
  version: e.version,
  globalPosition: e.globalPosition,
  eventId: e.eventId,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
  recordedAt: e.recordedAt.toISOString(),
  personRef: e.personRef,
  hash: e.hash,
  prevHash: e.prevHash,
});
