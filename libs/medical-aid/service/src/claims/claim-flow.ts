import type { EntityManager } from 'typeorm';
import {
  handleCommand,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type NewEvent,
} from '@union/event-store';
import {
  claimDecider,
  claimStreamId,
  membershipCommandFor,
  membershipDecider,
  membershipStreamId,
  type ClaimCommand,
  type ClaimEvent,
  type MembershipEvent,
  type MembershipState,
  type Period,
} from '@union/medical-aid/domain';
import { versionConflict } from '@union/runtime';

const MAX_ATTEMPTS = 3;

/** One claim command and what it needs: the period, the member, and the request's metadata. */
export interface ClaimFlowRequest {
  readonly claimId: string;
  readonly period: Period;
  readonly personRef: string;
  readonly metadata: EventMetadata;
  /** The claim version the client last saw (`If-Match`). */
  readonly ifMatch?: number;
  /** The claim command, given the member's membership as it is now (cap left, admissions). */
  command(membership: MembershipState, tx: EntityManager): ClaimCommand | Promise<ClaimCommand>;
}

/**
 * Decides a claim command on the claim stream, then, for each claim event, the membership command
 * that goes with it (`membershipCommandFor`) on `member-<periodId>-<personRef>`, and appends both
 * in one transaction with their expected versions. A lost race retries the whole decision (the
 * cap left may have changed); with `If-Match` it is a 409 VERSION_CONFLICT instead.
 */
export async function runClaimFlow(store: EventStore, request: ClaimFlowRequest): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.dataSource.transaction((tx) => decideBoth(store, tx, request));
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (request.ifMatch !== undefined || attempt >= MAX_ATTEMPTS) throw versionConflict(error);
    }
  }
}

/** The member's membership in the period as its stream has it now. */
export async function membershipOf(
  store: EventStore,
  period: Period,
  personRef: string,
  tx?: EntityManager,
): Promise<MembershipState> {
  const history = await store.readStream(membershipStreamId(period.periodId, personRef), { tx });
  return foldMembership(history);
}

const foldMembership = (history: readonly { type: string; data: unknown }[]): MembershipState =>
  history.reduce(
    (s, e) => membershipDecider.evolve(s, e as unknown as MembershipEvent),
    membershipDecider.initialState(),
  );

/**
 * What a claim command would record, decided as {@link runClaimFlow} decides it (the claim
 * stream is new, so its state is the initial one; the membership command of each claim event is
 * decided too, so its refusals are the same), with nothing appended: the dry run's decision.
 */
export function decideWithoutStoring(
  membership: MembershipState,
  command: ClaimCommand,
  period: Period,
): ClaimEvent[] {
  const events = claimDecider.decide(command, claimDecider.initialState());
  let state = membership;
  for (const event of events) {
    state = membershipDecider
      .decide(membershipCommandFor(event, period), state)
      .reduce(membershipDecider.evolve, state);
  }
  return events;
}

async function decideBoth(store: EventStore, tx: EntityManager, request: ClaimFlowRequest): Promise<void> {
  const { period, personRef, metadata } = request;
  const memberStream = membershipStreamId(period.periodId, personRef);
  const history = await store.readStream(memberStream, { tx });
  let membership = foldMembership(history);
  const claim = await handleCommand(store, claimDecider, await request.command(membership, tx), {
    streamId: claimStreamId(request.claimId),
    streamType: 'claim',
    personRef,
    metadata,
    ifMatch: request.ifMatch,
    tx,
  });
  const memberEvents: NewEvent[] = [];
  for (const stored of claim.events) {
    const event = { type: stored.type, data: stored.data } as ClaimEvent;
    const decided = membershipDecider.decide(membershipCommandFor(event, period), membership);
    membership = decided.reduce(membershipDecider.evolve, membership);
    // The claim event caused these: the audit trail can follow the chain.
    memberEvents.push(
      ...decided.map((e) => ({ ...e, personRef, metadata: { ...metadata, causationId: stored.eventId } })),
    );
  }
  if (memberEvents.length === 0) return;
  await store.append(memberStream, memberEvents, {
    expectedVersion: history.length === 0 ? 'no_stream' : history.length,
    expectedHash: history[history.length - 1]?.hash ?? null,
    streamType: 'member',
    tx,
  });
}
