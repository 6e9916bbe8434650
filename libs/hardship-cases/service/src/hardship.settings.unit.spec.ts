import { ConfigError } from '@union/platform';
import { loadHardshipSettings } from './hardship.settings';

describe('loadHardshipSettings', () => {
  it('takes the DOMAIN.md defaults when nothing is set', () => {
    expect(loadHardshipSettings({})).toEqual({
      limits: { approvalThresholdFen: 500_000, annualAssistanceCapFen: 2_000_000 },
      limitsVersion: 'assistance-500000-2000000',
      batchChunkSize: 500,
      batchPollMs: 1_000,
    });
  });

  it('reads both limits from the environment', () => {
    const settings = loadHardshipSettings({
      HARDSHIP_APPROVAL_THRESHOLD_FEN: '100000',
      HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: '300000',
    });
    expect(settings.limits).toEqual({ approvalThresholdFen: 100_000, annualAssistanceCapFen: 300_000 });
    expect(settings.limitsVersion).toBe('assistance-100000-300000');
  });

  it('refuses amounts that are not whole positive fen, naming each variable', () => {
    let error: unknown;
    try {
      loadHardshipSettings({
        HARDSHIP_APPROVAL_THRESHOLD_FEN: '12.5',
        HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: '0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringContaining('HARDSHIP_APPROVAL_THRESHOLD_FEN must be a whole number'),
      expect.stringContaining('HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN must be at least 1'),
    ]);
  });

  it('refuses a threshold above the yearly cap', () => {
    expect(() =>
      loadHardshipSettings({
        HARDSHIP_APPROVAL_THRESHOLD_FEN: '300000',
        HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: '200000',
      }),
    ).toThrow(/must not be above HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN/);
  });
});
