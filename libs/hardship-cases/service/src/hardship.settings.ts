import { DEFAULT_ASSISTANCE_LIMITS, type AssistanceLimits } from '@union/hardship-cases/domain';
import { ConfigError, DEFAULT_MAX_FEN, loadConfig } from '@union/platform';

/** The hardship service's own settings, validated at boot (a bad value stops the service). */
export interface HardshipSettings {
  readonly limits: Required<AssistanceLimits>;
  /**
   * The version of the assistance policy in force, recorded in the metadata of every assistance
   * decision (DOMAIN.md: every decision records the policy version it used).
   */
  readonly limitsVersion: string;
  /** Lines of a holiday batch settled per transaction by the runner. */
  readonly batchChunkSize: number;
  /** How often the runner looks for approved batches when nothing woke it. */
  readonly batchPollMs: number;
}

const SCHEMA = {
  HARDSHIP_APPROVAL_THRESHOLD_FEN: {
    type: 'int',
    default: DEFAULT_ASSISTANCE_LIMITS.approvalThresholdFen,
    min: 1,
    max: DEFAULT_MAX_FEN,
    description: 'a single assistance of this many fen or more needs a reviewer (four eyes)',
  },
  HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: {
    type: 'int',
    default: DEFAULT_ASSISTANCE_LIMITS.annualAssistanceCapFen,
    min: 1,
    max: DEFAULT_MAX_FEN,
    description: 'the most one case may receive in a calendar year, in fen',
  },
  HARDSHIP_BATCH_CHUNK_SIZE: {
    type: 'int',
    default: 500,
    min: 1,
    max: 5_000,
    description: 'households of a holiday batch recorded per transaction',
  },
  HARDSHIP_BATCH_POLL_MS: {
    type: 'int',
    default: 1_000,
    min: 10,
    max: 60_000,
    description: 'how often the holiday batch runner looks for approved batches, in ms',
  },
} as const;

/**
 * Assistance limits from `HARDSHIP_APPROVAL_THRESHOLD_FEN` and `HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN`
 * (DOMAIN.md defaults: 500000 and 2000000 fen).
 * @throws ConfigError naming every bad variable.
 */
export function loadHardshipSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): HardshipSettings {
  const config = loadConfig(SCHEMA, env);
  const approvalThresholdFen = config.HARDSHIP_APPROVAL_THRESHOLD_FEN;
  const annualAssistanceCapFen = config.HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN;
  if (approvalThresholdFen > annualAssistanceCapFen) {
    // Such a threshold could never be reached: every approval rule would silently vanish.
    throw new ConfigError([
      `HARDSHIP_APPROVAL_THRESHOLD_FEN (${approvalThresholdFen}) must not be above HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN (${annualAssistanceCapFen})`,
    ]);
  }
  return {
    limits: { approvalThresholdFen, annualAssistanceCapFen },
    limitsVersion: `assistance-${approvalThresholdFen}-${annualAssistanceCapFen}`,
    batchChunkSize: config.HARDSHIP_BATCH_CHUNK_SIZE,
    batchPollMs: config.HARDSHIP_BATCH_POLL_MS,
  };
}
