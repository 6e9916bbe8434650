import { type Bp, type Decider, type DomainEvent, type Fen } from '@union/kernel';
import type { CommandContext } from '../shared/hardship-vocabulary';
import { check, throwIfInvalid } from '../shared/validation';

/** The hardship lines of one region (DOMAIN.md §1, "Tier"), as a case decision applies them. */
export interface RegionPolicy {
  /** 6-digit administrative division, or {@link ANY_REGION} for the default policy. */
  readonly regionCode: string;
  /** `L`: minimum living standard (低保标准) per person per month. */
  readonly minimumLivingStandardFen: Fen;
  /** The relative line is `floor(L * relativeMultiplierBp / 10000)`. */
  readonly relativeMultiplierBp: Bp;
  /** Recorded on every decision that applied it, so a replay reproduces the same tier. */
  readonly policyVersion: string;
}

/** The region code of the default policy: it applies to every region without one of its own. */
export const ANY_REGION = '*';

/** DOMAIN.md §1: the policy of any region that never had one published. */
export const DEFAULT_POLICY: RegionPolicy = {
  regionCode: ANY_REGION,
  minimumLivingStandardFen: 90_000,
  relativeMultiplierBp: 15_000,
  policyVersion: 'default-1',
};

/** A region code is a 6-digit administrative division (GB/T 2260). */
export const isRegionCode = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{6}$/.test(value);

/** The stream of a region's policy publications. */
export const policyStreamId = (regionCode: string): string => `policy-${regionCode}`;

/** An admin published a region's policy: a new policy version for every later decision there. */
export type RegionPolicyPublished = DomainEvent<
  'RegionPolicyPublished',
  {
    readonly regionCode: string;
    readonly minimumLivingStandardFen: Fen;
    readonly relativeMultiplierBp: Bp;
    /** `<regionCode>-<n>`, n counting this region's publications from 1. */
    readonly policyVersion: string;
    readonly publishedBy: string;
    readonly publishedAt: string;
  }
>;

/** Every event of a `policy-<regionCode>` stream. */
export type RegionPolicyEvent = RegionPolicyPublished;

/** An admin sets a region's lines (`PUT /policies/regions/{regionCode}`). */
export interface PublishRegionPolicy extends Omit<CommandContext, 'today'> {
  readonly type: 'PublishRegionPolicy';
  readonly regionCode: string;
  readonly minimumLivingStandardFen: Fen;
  readonly relativeMultiplierBp: Bp;
}

/** Every command of a region policy stream. */
export type RegionPolicyCommand = PublishRegionPolicy;

/** A region's publications so far; `current` is null until the first one. */
export interface RegionPolicyState {
  readonly publications: number;
  readonly current: RegionPolicy | null;
}

/** The policy in force: the region's latest publication, else {@link DEFAULT_POLICY}. */
export const policyInForce = (state: RegionPolicyState): RegionPolicy => state.current ?? DEFAULT_POLICY;

/** The multiplier is a ratio of L: below 100% the relative line would sit under L itself. */
const MIN_MULTIPLIER_BP = 10_000;
/** 10 x L is far beyond any published relative line; a larger value is a typing mistake. */
const MAX_MULTIPLIER_BP = 100_000;

function validate(command: PublishRegionPolicy): void {
  const { regionCode, minimumLivingStandardFen: l, relativeMultiplierBp: m } = command;
  throwIfInvalid([
    check(isRegionCode(regionCode), 'regionCode', `regionCode must be 6 digits; got ${String(regionCode)}.`),
    check(
      typeof l === 'number' && Number.isSafeInteger(l) && l > 0,
      'minimumLivingStandardFen',
      `minimumLivingStandardFen must be a whole number of fen above 0; got ${String(l)}.`,
    ),
    check(
      typeof m === 'number' && Number.isSafeInteger(m) && m >= MIN_MULTIPLIER_BP && m <= MAX_MULTIPLIER_BP,
      'relativeMultiplierBp',
      `relativeMultiplierBp must be a whole number from ${MIN_MULTIPLIER_BP} to ${MAX_MULTIPLIER_BP}; got ${String(m)}.`,
    ),
  ]);
}

function decide(command: RegionPolicyCommand, state: RegionPolicyState): RegionPolicyEvent[] {
  validate(command);
  if (state.current && state.current.regionCode !== command.regionCode) {
    // The service routes by region code; a mismatch is a wiring bug, not a user mistake.
    throw new Error(`Stream of region ${state.current.regionCode} got a policy for ${command.regionCode}.`);
  }
  const data: RegionPolicyPublished['data'] = {
    regionCode: command.regionCode,
    minimumLivingStandardFen: command.minimumLivingStandardFen,
    relativeMultiplierBp: command.relativeMultiplierBp,
    policyVersion: `${command.regionCode}-${state.publications + 1}`,
    publishedBy: command.actor,
    publishedAt: command.now,
  };
  return [{ type: 'RegionPolicyPublished', data }];
}

function evolve(state: RegionPolicyState, event: RegionPolicyEvent): RegionPolicyState {
  switch (event.type) {
    case 'RegionPolicyPublished': {
      const { regionCode, minimumLivingStandardFen, relativeMultiplierBp, policyVersion } = event.data;
      const current = { regionCode, minimumLivingStandardFen, relativeMultiplierBp, policyVersion };
      return { publications: state.publications + 1, current };
    }
    default: {
      const _exhaustive: never = event.type;
      return _exhaustive;
    }
  }
}

/**
 * The decider of a region's policy stream: every publication is a new version. The stream grows
 * with the programme's years and every case decision in the region reads it, so it is decided
 * from a snapshot (every 100 publications).
 */
export const regionPolicyDecider: Decider<RegionPolicyState, RegionPolicyCommand, RegionPolicyEvent> = {
  initialState: () => ({ publications: 0, current: null }),
  evolve,
  decide,
  // Bump stateVersion with any change to evolve or RegionPolicyState (region-policy-state.unit.spec.ts).
  snapshots: { stateVersion: 1, every: 100 },
};
