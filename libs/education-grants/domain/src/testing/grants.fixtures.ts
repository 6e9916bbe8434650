// Fixtures for this lib's unit tests only.
import type { CampaignFacts, SubmitApplication } from '../application/application.commands';
import type { GrantApplicationSubmitted } from '../application/application.events';
import {
  withReservationFacts,
  type OpenCampaign,
  type ReservationCommand,
  type ReservationRequest,
} from '../campaign/campaign.decider';
import { reservationOf, type CampaignEvent, type CampaignOpened } from '../campaign/campaign.events';

export const CAMPAIGN_ID = 'c0000000-0000-4000-8000-000000000001';
export const APPLICATION_ID = 'a0000000-0000-4000-8000-000000000001';
export const NOW = '2024-07-15T02:00:00.000Z';

/** A 2024 campaign: window July 1 - August 20, school starts September 1. */
export const openCampaign = (overrides: Partial<OpenCampaign> = {}): OpenCampaign => ({
  type: 'OpenCampaign',
  campaignId: CAMPAIGN_ID,
  year: 2024,
  name: '2024 金秋助学',
  budgetFen: 1_000_000,
  opensOn: '2024-07-01',
  closesOn: '2024-08-20',
  schoolStartOn: '2024-09-01',
  amountsByLevelFen: { undergraduate: 500_000, senior_high: 200_000 },
  openedBy: 'admin-1',
  now: NOW,
  ...overrides,
});

/** The event {@link openCampaign} decides with default tiers. */
export const campaignOpened = (overrides: Partial<CampaignOpened['data']> = {}): CampaignOpened => ({
  type: 'CampaignOpened',
  data: {
    campaignId: CAMPAIGN_ID,
    year: 2024,
    name: '2024 金秋助学',
    budgetFen: 1_000_000,
    opensOn: '2024-07-01',
    closesOn: '2024-08-20',
    schoolStartOn: '2024-09-01',
    amountsByLevelFen: { senior_high: 200_000, undergraduate: 500_000 },
    eligibleTiers: ['deep', 'relative'],
    openedBy: 'admin-1',
    openedAt: NOW,
    ...overrides,
  },
});

export const campaignFacts = (overrides: Partial<CampaignFacts> = {}): CampaignFacts => ({
  campaignId: CAMPAIGN_ID,
  status: 'open',
  opensOn: '2024-07-01',
  closesOn: '2024-08-20',
  amountsByLevelFen: { senior_high: 200_000, undergraduate: 500_000 },
  eligibleTiers: ['deep', 'relative'],
  ...overrides,
});

/** The parent's signed authorisation (授权书), signed before the application. */
export const CONSENT = { documentRef: '西工助授〔2024〕0001号', signedOn: '2024-05-20' } as const;

export const submit = (overrides: Partial<SubmitApplication> = {}): SubmitApplication => ({
  type: 'SubmitApplication',
  applicationId: APPLICATION_ID,
  campaign: campaignFacts(),
  parent: { personRef: 'ref-parent', idNumberMasked: '110105********002X' },
  student: {
    personRef: 'ref-student',
    idNumberMasked: '110105********0011',
    name: '王小明',
    level: 'undergraduate',
    school: '青海大学',
  },
  unitId: 'unit-1',
  eligibility: { openCase: true, tier: 'deep' },
  consent: CONSENT,
  submittedBy: 'caseworker-1',
  today: '2024-07-15',
  now: NOW,
  ...overrides,
});

export const submitted = (
  overrides: Partial<GrantApplicationSubmitted['data']> = {},
): GrantApplicationSubmitted => ({
  type: 'GrantApplicationSubmitted',
  data: {
    applicationId: APPLICATION_ID,
    campaignId: CAMPAIGN_ID,
    parentPersonRef: 'ref-parent',
    parentIdNumberMasked: '110105********002X',
    studentPersonRef: 'ref-student',
    studentIdNumberMasked: '110105********0011',
    studentName: '王小明',
    level: 'undergraduate',
    school: '青海大学',
    unitId: 'unit-1',
    amountFen: 500_000,
    recurring: false,
    auto: false,
    consent: CONSENT,
    submittedBy: 'caseworker-1',
    submittedAt: NOW,
    ...overrides,
  },
});

/** A budget command as the service completes it: with the application's reservation in `history`. */
export const withReservation = (
  history: readonly CampaignEvent[],
  request: ReservationRequest,
): ReservationCommand => withReservationFacts(request, reservationOf(history, request.applicationId));
