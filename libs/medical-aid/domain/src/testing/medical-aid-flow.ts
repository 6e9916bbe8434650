// Test helper: what the service does in one transaction, in memory — decide on the claim stream,
// then the membership command that goes with each claim event on the member's stream.
import { claimDecider, type ClaimCommand } from '../claim/claim.decider';
import { initialClaimState, type ClaimEvent, type ClaimState } from '../claim/claim.events';
import { membershipCommandFor } from '../claim/claim-to-membership';
import { membershipDecider } from '../membership/membership.decider';
import type { MembershipEvent, MembershipState } from '../membership/membership.events';
import type { Period } from '../period/period.events';

/** In-memory claim and membership streams of one member. */
export class MedicalAidFlow {
  readonly claims = new Map<string, ClaimEvent[]>();
  readonly memberEvents: MembershipEvent[];

  constructor(
    readonly period: Period,
    enrollment: MembershipEvent,
  ) {
    this.memberEvents = [enrollment];
  }

  get membership(): MembershipState {
    return this.memberEvents.reduce(membershipDecider.evolve, membershipDecider.initialState());
  }

  claim(claimId: string): ClaimState {
    return (this.claims.get(claimId) ?? []).reduce(claimDecider.evolve, initialClaimState());
  }

  /** Decides `command` and the membership commands it implies; appends all or nothing. */
  run(command: ClaimCommand): { claimEvents: ClaimEvent[]; memberEvents: MembershipEvent[] } {
    const claimEvents = claimDecider.decide(command, this.claim(command.claimId));
    let membership = this.membership;
    const memberEvents: MembershipEvent[] = [];
    for (const event of claimEvents) {
      const decided = membershipDecider.decide(membershipCommandFor(event, this.period), membership);
      membership = decided.reduce(membershipDecider.evolve, membership);
      memberEvents.push(...decided);
    }
    this.claims.set(command.claimId, [...(this.claims.get(command.claimId) ?? []), ...claimEvents]);
    this.memberEvents.push(...memberEvents);
    return { claimEvents, memberEvents };
  }
}
