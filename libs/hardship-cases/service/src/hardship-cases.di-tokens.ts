/** DI tokens of the hardship-cases service (one constants file, STYLE.md). */
export const HARDSHIP_SETTINGS = Symbol('HARDSHIP_SETTINGS');
/** The inbox-backed consumer that turns `HardshipRiskDetected` into referrals. */
export const REFERRAL_INTAKE_CONSUMER = Symbol('REFERRAL_INTAKE_CONSUMER');
/** The inbox-backed consumer that records other programmes' payments in case histories. */
export const EXTERNAL_ASSISTANCE_CONSUMER = Symbol('EXTERNAL_ASSISTANCE_CONSUMER');
