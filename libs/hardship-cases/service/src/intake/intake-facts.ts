import { chinaToday } from '@union/kernel';
import type { EventMetadata } from '@union/event-store';
import { causedBy, type ReceivedMessage } from '@union/messaging';

/** Who acts, when, and in which chain of causes, for a command a consumed event triggers. */
export interface IntakeFacts {
  actor: string;
  now: string;
  today: string;
  metadata: EventMetadata;
}

/**
 * The facts of a consumed integration event: the actor is the publishing programme
 * (`system:medical-aid`), the correlation id carries on across services, and the cause is the
 * consumed event, so an auditor can follow the chain from one service to the next.
 */
export function intakeFacts(message: ReceivedMessage, source: string, at: Date = new Date()): IntakeFacts {
  const actor = `system:${source}`;
  return {
    actor,
    now: at.toISOString(),
    today: chinaToday(at),
    metadata: { actor, ...causedBy(message), sourceTopic: message.topic },
  };
}
