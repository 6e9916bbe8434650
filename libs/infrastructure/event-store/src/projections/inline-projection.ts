import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../types';

/**
 * A read model kept by the service itself. `apply` runs in the append's transaction (so a
 * caseworker reads their own write) and, in a rebuild, over the whole log in batches.
 * Applying the same events twice must change nothing.
 */
export interface InlineProjection {
  readonly name: string;
  /** The event types it reads; others are never passed to it. */
  readonly handles: readonly string[];
  /** The tables it owns: emptied before a rebuild, compared by rebuild-and-compare. */
  readonly tables: readonly string[];
  apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void>;
}
