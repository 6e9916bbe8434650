import type { HardshipTier } from '@union/contracts';
import type { Band, DomainEvent, Fen, IsoDate } from '@union/kernel';

/** Inpatient benefit (住院互助): deductible per admission, bands above it, cap per member and period. */
export interface InpatientRules {
  readonly deductibleFen: Fen;
  readonly bands: readonly Band[];
  readonly annualCapFen: Fen;
}

/** Serious-illness aid (大病救助): bands over the yearly burden above the threshold, capped. */
export interface SeriousIllnessRules {
  readonly thresholdFen: Fen;
  readonly bands: readonly Band[];
  readonly capFen: Fen;
}

/** When the burden left to a member is reported to the hardship service (防止因病致困). */
export interface HardshipRiskRules {
  readonly thresholdFen: Fen;
}

/** The benefit rules of a period, every default already filled in. */
export interface PeriodRules {
  readonly inpatient: InpatientRules;
  readonly seriousIllness: SeriousIllnessRules;
  readonly hardshipRisk: HardshipRiskRules;
  /** Members of these hardship tiers are enrolled with the contribution paid by the union fund. */
  readonly waiveContributionForTiers: readonly HardshipTier[];
}

/** A period (第N期) as opened: the data of {@link PeriodOpened}, every default filled in. */
export interface Period {
  readonly periodId: string;
  readonly name: string;
  readonly coverageStart: IsoDate;
  readonly coverageEnd: IsoDate;
  readonly enrollmentOpensOn: IsoDate;
  readonly enrollmentClosesOn: IsoDate;
  readonly contributionFen: Fen;
  readonly waitingDays: number;
  readonly claimDeadlineDays: number;
  readonly rules: PeriodRules;
  /** `period-<periodId>-1`: recorded with every quote and grant made under these rules. */
  readonly policyVersion: string;
  readonly openedBy: string;
  /** ISO-8601 UTC instant. */
  readonly openedAt: string;
}

/** An admin opened a period with its coverage, enrollment window and benefit rules. */
export type PeriodOpened = DomainEvent<'PeriodOpened', Period>;

/** Every event of a `period-<uuid>` stream. */
export type PeriodEvent = PeriodOpened;

/** The period as its decider sees it. */
export interface PeriodState {
  readonly status: 'none' | 'open';
  readonly period: Period | null;
}

/** The state of a stream with no events. */
export const initialPeriodState = (): PeriodState => ({ status: 'none', period: null });

/** The period after one event. Pure; never throws. */
export function evolvePeriod(state: PeriodState, event: PeriodEvent): PeriodState {
  switch (event.type) {
    case 'PeriodOpened':
      return { ...state, status: 'open', period: event.data };
    default: {
      const _exhaustive: never = event.type;
      return _exhaustive;
    }
  }
}

/** The stream of a period: `period-<uuid>`. */
export const periodStreamId = (periodId: string): string => `period-${periodId}`;

/** The policy version of a period's rules (periods are never amended, so always `-1`). */
export const periodPolicyVersion = (periodId: string): string => `period-${periodId}-1`;
