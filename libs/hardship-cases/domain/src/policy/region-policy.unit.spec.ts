import { given } from '@union/kernel/testing';
import {
  DEFAULT_POLICY,
  policyInForce,
  regionPolicyDecider,
  type PublishRegionPolicy,
  type RegionPolicyPublished,
} from './region-policy';

const publish = (overrides: Partial<PublishRegionPolicy> = {}): PublishRegionPolicy => ({
  type: 'PublishRegionPolicy',
  regionCode: '630102',
  minimumLivingStandardFen: 80_000,
  relativeMultiplierBp: 15_000,
  actor: 'admin-1',
  now: '2024-01-05T01:00:00.000Z',
  ...overrides,
});

const published = (n: number, minimumLivingStandardFen = 80_000): RegionPolicyPublished => ({
  type: 'RegionPolicyPublished',
  data: {
    regionCode: '630102',
    minimumLivingStandardFen,
    relativeMultiplierBp: 15_000,
    policyVersion: `630102-${n}`,
    publishedBy: 'admin-1',
    publishedAt: '2024-01-05T01:00:00.000Z',
  },
});

describe('region policy', () => {
  it('publishes the first version of a region as <regionCode>-1', () => {
    given(regionPolicyDecider)
      .when(publish())
      .then([published(1)]);
  });

  it('numbers each later publication of the region', () => {
    given(regionPolicyDecider, published(1), published(2))
      .when(publish())
      .then([published(3)]);
  });

  it.each([
    [{ minimumLivingStandardFen: 0 }, 'minimumLivingStandardFen'],
    [{ minimumLivingStandardFen: 100.5 }, 'minimumLivingStandardFen'],
    [{ relativeMultiplierBp: 9_999 }, 'relativeMultiplierBp'],
    [{ relativeMultiplierBp: 100_001 }, 'relativeMultiplierBp'],
    [{ regionCode: '63010' }, 'regionCode'],
  ])('refuses %j', (overrides, field) => {
    given(regionPolicyDecider)
      .when(publish(overrides))
      .thenFails({ code: 'VALIDATION_FAILED', fields: [field] });
  });

  it.each([10_000, 100_000])('accepts a multiplier of %i bp', (relativeMultiplierBp) => {
    expect(given(regionPolicyDecider).when(publish({ relativeMultiplierBp })).events()).toHaveLength(1);
  });

  it('is the default policy until a region publishes its own, then the latest publication', () => {
    const none = regionPolicyDecider.initialState();
    expect(policyInForce(none)).toBe(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toMatchObject({
      minimumLivingStandardFen: 90_000,
      relativeMultiplierBp: 15_000,
      policyVersion: 'default-1',
    });
    const state = [published(1), published(2, 95_000)].reduce(regionPolicyDecider.evolve, none);
    expect(policyInForce(state)).toEqual({
      regionCode: '630102',
      minimumLivingStandardFen: 95_000,
      relativeMultiplierBp: 15_000,
      policyVersion: '630102-2',
    });
  });
});
