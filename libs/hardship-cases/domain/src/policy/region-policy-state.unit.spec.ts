// A region's policy state as the event store snapshots it: plain JSON, and pinned to its version.
import { regionPolicyDecider, type RegionPolicyEvent } from './region-policy';

const published = (n: number, minimumLivingStandardFen: number): RegionPolicyEvent => ({
  type: 'RegionPolicyPublished',
  data: {
    regionCode: '630102',
    minimumLivingStandardFen,
    relativeMultiplierBp: 15_000,
    policyVersion: `630102-${n}`,
    publishedBy: 'admin-1',
    publishedAt: '2026-01-01T00:00:00.000Z',
  },
});
const fold = (events: readonly RegionPolicyEvent[], from = regionPolicyDecider.initialState()) =>
  events.reduce(regionPolicyDecider.evolve, from);
const throughSnapshot = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

describe('region policy state snapshots', () => {
  const history = Array.from({ length: 7 }, (_, i) => published(i + 1, 90_000 + i * 1_000));

  it('survives JSON unchanged, and a fold resumed from a snapshot equals the whole fold', () => {
    for (let k = 0; k <= history.length; k++) {
      const partial = fold(history.slice(0, k));
      expect(throughSnapshot(partial)).toStrictEqual(partial);
      expect(fold(history.slice(k), throughSnapshot(partial))).toStrictEqual(fold(history));
    }
  });

  it('is pinned to its state version: a change to evolve must bump it', () => {
    // If this fails because evolve or RegionPolicyState changed, bump
    // regionPolicyDecider.snapshots.stateVersion and update this expectation.
    expect({ stateVersion: regionPolicyDecider.snapshots?.stateVersion, state: fold(history) }).toStrictEqual(
      {
        stateVersion: 1,
        state: {
          publications: 7,
          current: {
            regionCode: '630102',
            minimumLivingStandardFen: 96_000,
            relativeMultiplierBp: 15_000,
            policyVersion: '630102-7',
          },
        },
      },
    );
  });
});
