import { campaignDecider, campaignFactsOf } from './campaign.decider';
import type { CampaignEvent } from './campaign.events';
import { deciderSpec, stateAfter } from '../testing/decider-spec';
import { CAMPAIGN_ID, NOW, campaignOpened, openCampaign } from '../testing/grants.fixtures';

const spec = deciderSpec(campaignDecider);

describe('OpenCampaign', () => {
  it('opens with the default tiers and levels in school order', () => {
    spec.given().when(openCampaign()).then([campaignOpened()]);
  });

  it('keeps the tiers given, in canonical order, without repeats', () => {
    spec
      .given()
      .when(openCampaign({ eligibleTiers: ['emergency', 'deep', 'deep'] }))
      .then([campaignOpened({ eligibleTiers: ['deep', 'emergency'] })]);
  });

  it('accepts a one-day window and a zero budget', () => {
    spec
      .given()
      .when(openCampaign({ opensOn: '2024-07-01', closesOn: '2024-07-01', budgetFen: 0 }))
      .then([campaignOpened({ closesOn: '2024-07-01', budgetFen: 0 })]);
  });

  it.each([
    ['a window that closes before it opens', { opensOn: '2024-07-02', closesOn: '2024-07-01' }, 'closesOn'],
    ['an impossible date', { opensOn: '2024-02-30' }, 'opensOn'],
    ['a malformed school start', { schoolStartOn: '2024-9-1' }, 'schoolStartOn'],
    ['a negative budget', { budgetFen: -1 }, 'budgetFen'],
    ['a budget in yuan with decimals', { budgetFen: 10.5 }, 'budgetFen'],
    ['no funded level', { amountsByLevelFen: {} }, 'amountsByLevelFen'],
    ['a zero grant', { amountsByLevelFen: { primary: 0 } }, 'amountsByLevelFen.primary'],
    [
      'an unknown level',
      { amountsByLevelFen: { kindergarten: 100 } as never },
      'amountsByLevelFen.kindergarten',
    ],
    ['an unknown tier', { eligibleTiers: ['poor'] as never }, 'eligibleTiers[0]'],
    ['an empty tier list', { eligibleTiers: [] }, 'eligibleTiers'],
    ['a blank name', { name: '  ' }, 'name'],
    ['a two-digit year', { year: 24 }, 'year'],
  ])('refuses %s', (_what, overrides, field) => {
    const error = spec.given().when(openCampaign(overrides)).thenThrows('VALIDATION_FAILED');
    expect(error.errors?.map((e) => e.field)).toEqual([field]);
  });

  it('lists every invalid field at once', () => {
    const error = spec
      .given()
      .when(openCampaign({ name: '', budgetFen: -5, amountsByLevelFen: {} }))
      .thenThrows('VALIDATION_FAILED');
    expect(error.errors?.map((e) => e.field)).toEqual(['name', 'budgetFen', 'amountsByLevelFen']);
  });

  it('refuses to open the same campaign twice', () => {
    spec.given([campaignOpened()]).when(openCampaign()).thenThrows('CONFLICT');
  });
});

describe('CloseCampaign', () => {
  const close = { type: 'CloseCampaign', closedBy: 'admin-2', now: NOW } as const;

  it('closes an open campaign, once', () => {
    const closed: CampaignEvent = {
      type: 'CampaignClosed',
      data: { campaignId: CAMPAIGN_ID, closedBy: 'admin-2', closedAt: NOW },
    };
    spec.given([campaignOpened()]).when(close).then([closed]);
    spec.given([campaignOpened(), closed]).when(close).then([]);
  });

  it('cannot close a campaign that does not exist', () => {
    spec.given().when(close).thenThrows('NOT_FOUND');
  });
});

describe('campaignFactsOf', () => {
  it('gives a submission what it needs of the campaign', () => {
    expect(campaignFactsOf(stateAfter(campaignDecider, []))).toBeNull();
    expect(campaignFactsOf(stateAfter(campaignDecider, [campaignOpened()]))).toEqual({
      campaignId: CAMPAIGN_ID,
      status: 'open',
      opensOn: '2024-07-01',
      closesOn: '2024-08-20',
      amountsByLevelFen: { senior_high: 200_000, undergraduate: 500_000 },
      eligibleTiers: ['deep', 'relative'],
    });
  });
});
