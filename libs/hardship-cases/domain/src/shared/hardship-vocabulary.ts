import type { Fen, IsoDate } from '@union/kernel';

/** Why a household is in difficulty (DOMAIN.md §1, "Opening"). */
export type HardshipCause =
  'illness' | 'disability' | 'education' | 'disaster' | 'accident' | 'unemployment' | 'other';
/** Every {@link HardshipCause}, for validation and DTO enums. */
export const HARDSHIP_CAUSES: readonly HardshipCause[] = [
  'illness',
  'disability',
  'education',
  'disaster',
  'accident',
  'unemployment',
  'other',
];

/** How the worker reached the union. */
export type IntakeChannel = 'walk_in' | 'hotline_12351' | 'referral' | 'home_visit';
/** Every {@link IntakeChannel}. */
export const INTAKE_CHANNELS: readonly IntakeChannel[] = [
  'walk_in',
  'hotline_12351',
  'referral',
  'home_visit',
];

/** Why a case file was closed. */
export type CloseReason = 'out_of_hardship' | 'moved_away' | 'deceased' | 'duplicate' | 'declined' | 'other';
/** Every {@link CloseReason}. */
export const CLOSE_REASONS: readonly CloseReason[] = [
  'out_of_hardship',
  'moved_away',
  'deceased',
  'duplicate',
  'declined',
  'other',
];

/** What form an assistance takes. */
export type AssistanceKind = 'cash' | 'goods' | 'service';
/** Every {@link AssistanceKind}. */
export const ASSISTANCE_KINDS: readonly AssistanceKind[] = ['cash', 'goods', 'service'];

/** What an assistance is for; `holiday` is 送温暖. */
export type AssistanceCategory = 'living' | 'medical' | 'education' | 'holiday' | 'emergency';
/** Every {@link AssistanceCategory}. */
export const ASSISTANCE_CATEGORIES: readonly AssistanceCategory[] = [
  'living',
  'medical',
  'education',
  'holiday',
  'emergency',
];

/** What a special fund (专项资金) may pay for: an assistance category, or `any`. */
export type FundCategory = AssistanceCategory | 'any';
/** Every {@link FundCategory}. */
export const FUND_CATEGORIES: readonly FundCategory[] = [...ASSISTANCE_CATEGORIES, 'any'];

/** The status an assistance is recorded with: below the approval threshold it is paid at once. */
export type RecordedAssistanceStatus = 'disbursed' | 'pending_approval';
/** The status of an assistance over its life: approval disburses it, rejection ends it. */
export type AssistanceStatus = RecordedAssistanceStatus | 'rejected';

/** The programme another service's assistance came from. */
export type ExternalSource = 'education-grants' | 'medical-aid';
/** The integration event that reported the external assistance. */
export type ExternalAssistanceType = 'GrantDisbursed' | 'ClaimPaid' | 'SeriousIllnessAidGranted';
/** Which event types each source may report: anything else is a wiring mistake. */
export const EXTERNAL_TYPES_BY_SOURCE: Readonly<Record<ExternalSource, readonly ExternalAssistanceType[]>> = {
  'education-grants': ['GrantDisbursed'],
  'medical-aid': ['ClaimPaid', 'SeriousIllnessAidGranted'],
};

/** The household figures a tier is computed from. */
export interface Household {
  readonly size: number;
  readonly monthlyIncomeFen: Fen;
}

/** The current helper of a pairing (结对帮扶). */
export interface Pairing {
  readonly helperName: string;
  readonly helperUnit: string;
  readonly assignedOn: IsoDate;
}

/** Assistance limits from the service's configuration; a missing one takes its default. */
export interface AssistanceLimits {
  readonly approvalThresholdFen?: Fen;
  readonly annualAssistanceCapFen?: Fen;
}

/** DOMAIN.md §1 "Assistance": four eyes from 5,000 yuan, 20,000 yuan per case and calendar year. */
export const DEFAULT_ASSISTANCE_LIMITS: Required<AssistanceLimits> = {
  approvalThresholdFen: 500_000,
  annualAssistanceCapFen: 2_000_000,
};

/**
 * What every command brings from outside (ARCHITECTURE.md, "deciders"): the acting user, the
 * instant of the request and the business date in China, so the domain never reads a clock.
 */
export interface CommandContext {
  readonly actor: string;
  /** ISO-8601 UTC instant of the request. */
  readonly now: string;
  /** Business date (China time) of the request. */
  readonly today: IsoDate;
}
