import { DomainError, assertFen, type Decider, type Fen, type IsoDate } from '@union/kernel';
import { normaliseHospital } from '../shared/checks';
import type { Period } from '../period/period.events';
import { afterClaimPaid } from './after-claim-paid';
import {
  evolveMembership,
  initialMembershipState,
  type MemberEnrolled,
  type MembershipEvent,
  type MembershipState,
} from './membership.events';
import { capLeftFen, findAdmission } from './membership.queries';

/** Enroll one member (a row of {@link planEnrollment}); a no-op when already enrolled. */
export type EnrollMember = { readonly type: 'EnrollMember' } & MemberEnrolled['data'];

/** Hold an admission for a claim being submitted. */
export interface RegisterAdmission {
  readonly type: 'RegisterAdmission';
  readonly claimId: string;
  readonly hospital: string;
  readonly admittedOn: IsoDate;
}

/** Give a rejected claim's admission back. */
export interface ReleaseAdmission {
  readonly type: 'ReleaseAdmission';
  readonly claimId: string;
  readonly reason: string;
}

/** Set an approved claim's payout against the annual cap. `period` supplies the cap. */
export interface ReserveCap {
  readonly type: 'ReserveCap';
  readonly claimId: string;
  readonly payoutFen: Fen;
  readonly period: Period;
}

/** Record a paid claim, then decide serious-illness aid and hardship risk under `period`'s rules. */
export interface RecordClaimPayment {
  readonly type: 'RecordClaimPayment';
  readonly claimId: string;
  readonly outOfPocketFen: Fen;
  readonly payoutFen: Fen;
  readonly period: Period;
}

/** Every command of a `member-<periodId>-<personRef>` stream. */
export type MembershipCommand =
  EnrollMember | RegisterAdmission | ReleaseAdmission | ReserveCap | RecordClaimPayment;

function requireEnrolled(state: MembershipState): void {
  if (state.status !== 'enrolled') {
    throw new DomainError('NOT_ELIGIBLE', 'This person is not enrolled in the period.');
  }
}

function enroll(command: EnrollMember, state: MembershipState): MembershipEvent[] {
  if (state.status === 'enrolled') return [];
  const { type: _type, ...data } = command;
  return [{ type: 'MemberEnrolled', data }];
}

function registerAdmission(command: RegisterAdmission, state: MembershipState): MembershipEvent[] {
  requireEnrolled(state);
  const { claimId, hospital, admittedOn } = command;
  if (state.admissions.some((a) => a.claimId === claimId)) return [];
  const existing = findAdmission(state, hospital, admittedOn);
  if (existing) {
    throw new DomainError(
      'DUPLICATE',
      `Claim ${existing.claimId} already covers the admission to ${existing.hospital} on ${admittedOn}.`,
      { details: { existingClaimId: existing.claimId } },
    );
  }
  return [
    {
      type: 'ClaimAdmissionRegistered',
      data: { claimId, hospital: normaliseHospital(hospital), admittedOn },
    },
  ];
}

function releaseAdmission(command: ReleaseAdmission, state: MembershipState): MembershipEvent[] {
  const { claimId, reason } = command;
  if (!state.admissions.some((a) => a.claimId === claimId)) return [];
  if (state.reservations[claimId]) {
    throw new DomainError('CONFLICT', `Claim ${claimId} was approved; its admission cannot be released.`);
  }
  return [{ type: 'ClaimAdmissionReleased', data: { claimId, reason } }];
}

function reserveCap(command: ReserveCap, state: MembershipState): MembershipEvent[] {
  requireEnrolled(state);
  const { claimId, payoutFen } = command;
  assertFen(payoutFen, 'payoutFen');
  const existing = state.reservations[claimId];
  if (existing) {
    if (existing.payoutFen === payoutFen) return [];
    throw new DomainError('CONFLICT', `Claim ${claimId} already holds ${existing.payoutFen} fen of the cap.`);
  }
  const leftFen = capLeftFen(state, command.period.rules.inpatient);
  if (payoutFen > leftFen) {
    throw new DomainError(
      'CONFLICT',
      `The member's annual cap has ${leftFen} fen left, less than the payout of ${payoutFen}; quote the claim again.`,
      { details: { capLeftFen: leftFen } },
    );
  }
  return [{ type: 'CapReserved', data: { claimId, payoutFen } }];
}

function recordPayment(command: RecordClaimPayment, state: MembershipState): MembershipEvent[] {
  requireEnrolled(state);
  const { claimId, outOfPocketFen, payoutFen, period } = command;
  assertFen(outOfPocketFen, 'outOfPocketFen');
  assertFen(payoutFen, 'payoutFen');
  const reservation = state.reservations[claimId];
  if (reservation?.status === 'paid') return [];
  if (reservation?.payoutFen !== payoutFen || payoutFen > outOfPocketFen) {
    throw new DomainError('CONFLICT', `Claim ${claimId} was not approved for a payout of ${payoutFen} fen.`);
  }
  const paid: MembershipEvent = {
    type: 'ClaimPaymentRecorded',
    data: { claimId, outOfPocketFen, payoutFen },
  };
  return [paid, ...afterClaimPaid(evolveMembership(state, paid), period.rules, period.policyVersion)];
}

/**
 * Decides a membership command. Replays are no-ops (enrolling twice, registering or reserving for
 * the same claim twice, recording a payment twice) so a retried transaction changes nothing.
 * @throws DomainError `NOT_ELIGIBLE` (not enrolled), `DUPLICATE` (admission taken, details
 * `{ existingClaimId }`), `CONFLICT` (cap or reservation moved since the claim was decided).
 */
export function decideMembership(command: MembershipCommand, state: MembershipState): MembershipEvent[] {
  switch (command.type) {
    case 'EnrollMember':
      return enroll(command, state);
    case 'RegisterAdmission':
      return registerAdmission(command, state);
    case 'ReleaseAdmission':
      return releaseAdmission(command, state);
    case 'ReserveCap':
      return reserveCap(command, state);
    case 'RecordClaimPayment':
      return recordPayment(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** `{ decide, evolve, initialState }` of a `member-<periodId>-<personRef>` stream. */
export const membershipDecider: Decider<MembershipState, MembershipCommand, MembershipEvent> = {
  initialState: initialMembershipState,
  evolve: evolveMembership,
  decide: decideMembership,
};
