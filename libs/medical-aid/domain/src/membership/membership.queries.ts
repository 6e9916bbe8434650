import type { Fen, IsoDate } from '@union/kernel';
import { normaliseHospital } from '../shared/checks';
import type { InpatientRules } from '../period/period.events';
import type { Admission, MembershipState } from './membership.events';

/** The stream of one member in one period: `member-<periodId>-<personRef>`. */
export const membershipStreamId = (periodId: string, personRef: string): string =>
  `member-${periodId}-${personRef}`;

/** What is left of the member's annual cap: `annualCapFen` minus approved and paid payouts, never below 0. */
export const capLeftFen = (state: MembershipState, inpatient: InpatientRules): Fen =>
  Math.max(0, inpatient.annualCapFen - state.capUsedFen);

/** The admission another claim already holds for this hospital and date, if any. */
export function findAdmission(
  state: MembershipState,
  hospital: string,
  admittedOn: IsoDate,
): Admission | undefined {
  const wanted = normaliseHospital(hospital);
  return state.admissions.find(
    (a) => a.admittedOn === admittedOn && normaliseHospital(a.hospital) === wanted,
  );
}

/** Burden left to the member after serious-illness aid. */
export const remainingBurdenFen = (state: MembershipState): Fen =>
  state.burdenFen - state.seriousIllnessAidFen;
