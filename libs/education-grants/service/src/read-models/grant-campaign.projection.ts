import { rowProjection } from '@union/event-store';
import { evolveCampaignRow, type CampaignEvent, type CampaignRow } from '@union/education-grants/domain';
import { GrantCampaignEntity } from './grant-campaign.entity';

const CAMPAIGN_EVENTS: CampaignEvent['type'][] = [
  'CampaignOpened',
  'CampaignClosed',
  'BudgetReserved',
  'ReservationReleased',
  'GrantPaidFromBudget',
];

const toEntity = (row: CampaignRow, version: number): GrantCampaignEntity => ({
  campaignId: row.campaignId,
  year: row.year,
  status: row.status,
  version,
  data: row,
});

/** The campaign read model: the domain's pure evolve, persisted per campaign stream. */
export const grantCampaignProjection = rowProjection<GrantCampaignEntity>({
  name: 'grant_campaign',
  entity: GrantCampaignEntity,
  key: 'campaignId',
  handles: CAMPAIGN_EVENTS,
  keyOf: (e) => (e.streamType === 'campaign' ? e.streamId.slice('campaign-'.length) : null),
  evolve: (row, e) => {
    const next = evolveCampaignRow(
      row?.data ?? null,
      { type: e.type, data: e.data } as CampaignEvent,
      e.version,
    );
    return next ? toEntity(next, e.version) : null;
  },
});
