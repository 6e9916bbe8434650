import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A campaign's events about one application, by application id: the budget commands read an
 * application's reservation from its campaign's log this way, not by folding every approval of
 * the campaign (see budget/campaign-reservations.ts). Partial: campaign events only.
 */
export class GrantsCampaignApplications1732300002200 implements MigrationInterface {
  name = 'GrantsCampaignApplications1732300002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX events_campaign_application ON events ((data->>'applicationId'), stream_id, version)
       WHERE stream_type = 'campaign'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX events_campaign_application`);
  }
}
