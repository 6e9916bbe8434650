import type { StoredEvent } from '@union/event-store';

/** A record's state at a point of its stream, as the audit folds it. */
export interface AuditStateAt {
  readonly streamId: string;
  readonly streamType: string;
  readonly version: number;
  readonly recordedAt: string;
  readonly state: unknown;
}

/**
 * What decided a decision besides the record itself (API.md "Audit", "as decided"): the policy in
 * force when it was taken, with the record it was read from (`source`) when it has one.
 * `kind` names what the terms are (a region's hardship lines, the assistance limits, a
 * campaign's amounts and budget, a period's rules), so a reader knows how to read `terms`.
 */
export interface AuditPolicy {
  readonly kind: string;
  /** The `policyVersion` the decision recorded, or null when its service records none. */
  readonly policyVersion: string | null;
  /** The record the terms come from, as it stood at the decision; null for built-in terms. */
  readonly source: {
    readonly streamId: string;
    readonly version: number;
    readonly recordedAt: string;
  } | null;
  readonly terms: unknown;
}

/** What a service's policy resolver is given: the decision, the record before it, and reads of other records. */
export interface AuditPolicyQuestion {
  /** The decision event, upcast as the service folds it. */
  readonly decision: StoredEvent;
  /** The record's state just before the decision (what the decider saw). */
  readonly before: unknown;
  /** Another record of the same log at a version or an instant; null when it had no events by then. */
  readonly stateOf: (streamId: string, at: { version?: number; asOf?: Date }) => Promise<AuditStateAt | null>;
}

/** A service's knowledge of which policy a decision of its log was taken under; null: none applies. */
export type AuditPolicyResolver = (question: AuditPolicyQuestion) => Promise<AuditPolicy | null>;
