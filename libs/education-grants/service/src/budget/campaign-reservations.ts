import type { EventStore, StreamAt } from '@union/event-store';
import { reservationOf, type CampaignEvent, type Reservation } from '@union/education-grants/domain';

/**
 * One application's reservation as its campaign's own events record it, up to the version the
 * campaign's state was folded to: its few events (reserved, then paid or released), found by the
 * index `events_campaign_application` whatever the campaign's length.
 */
export async function reservationAt(
  store: EventStore,
  campaign: StreamAt,
  applicationId: string,
): Promise<Reservation | null> {
  const rows: { type: string; schema_version: number; data: unknown }[] = await (
    campaign.tx ?? store.dataSource.manager
  ).query(
    `SELECT type, schema_version, data FROM events
     WHERE stream_type = 'campaign' AND data->>'applicationId' = $1 AND stream_id = $2 AND version <= $3
     ORDER BY version`,
    [applicationId, campaign.streamId, campaign.version],
  );
  const events = rows.map(
    (r) =>
      ({
        type: r.type,
        data: store.upcasters.upcast(r.type, r.schema_version, r.data).data,
      }) as CampaignEvent,
  );
  return reservationOf(events, applicationId);
}
