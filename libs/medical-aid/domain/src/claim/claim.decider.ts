import type { Decider } from '@union/kernel';
import {
  decideApproveClaim,
  decidePayClaim,
  decideRejectClaim,
  type ApproveClaim,
  type PayClaim,
  type RejectClaim,
} from './adjudicate-claim.command';
import { evolveClaim, initialClaimState, type ClaimEvent, type ClaimState } from './claim.events';
import { decideSubmitClaim, type SubmitClaim } from './submit-claim.command';

/** Every command of a `claim-<uuid>` stream. */
export type ClaimCommand = SubmitClaim | ApproveClaim | RejectClaim | PayClaim;

/** Decides a claim command (see each command's decide function for its errors). */
export function decideClaim(command: ClaimCommand, state: ClaimState): ClaimEvent[] {
  switch (command.type) {
    case 'SubmitClaim':
      return decideSubmitClaim(command, state);
    case 'ApproveClaim':
      return decideApproveClaim(command, state);
    case 'RejectClaim':
      return decideRejectClaim(command, state);
    case 'PayClaim':
      return decidePayClaim(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** `{ decide, evolve, initialState }` of a `claim-<uuid>` stream. */
export const claimDecider: Decider<ClaimState, ClaimCommand, ClaimEvent> = {
  initialState: initialClaimState,
  evolve: evolveClaim,
  decide: decideClaim,
};
