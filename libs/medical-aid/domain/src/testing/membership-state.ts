// Test helper: the membership state after some events, as the service would load it.
import {
  evolveMembership,
  initialMembershipState,
  type MembershipEvent,
  type MembershipState,
} from '../membership/membership.events';

/** Folds `events` into a membership state. */
export const membershipAfter = (...events: MembershipEvent[]): MembershipState =>
  events.reduce(evolveMembership, initialMembershipState());
