import type { InlineProjection } from '@union/event-store';
import type { RegionPolicyPublished } from '@union/hardship-cases/domain';

/**
 * `region_policy_version`: every publication of a region's policy, one row per stream version.
 * A row is written once and never changes, so applying an event again is `ON CONFLICT DO NOTHING`.
 */
export const regionPolicyVersionProjection: InlineProjection = {
  name: 'region_policy_version',
  handles: ['RegionPolicyPublished'],
  tables: ['region_policy_version'],
  async apply(events, tx) {
    const rows = events
      .filter((e) => e.streamType === 'policy' && e.type === 'RegionPolicyPublished')
      .map((e) => {
        const d = e.data as RegionPolicyPublished['data'];
        return {
          r: d.regionCode,
          v: e.version,
          p: d.policyVersion,
          l: d.minimumLivingStandardFen,
          m: d.relativeMultiplierBp,
          b: d.publishedBy,
          a: d.publishedAt,
        };
      });
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO region_policy_version
         (region_code, version, policy_version, minimum_living_standard_fen, relative_multiplier_bp,
          published_by, published_at)
       SELECT r.r, r.v, r.p, r.l, r.m, r.b, r.a
       FROM json_to_recordset($1::json) AS r(r text, v integer, p text, l bigint, m integer, b text, a text)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
  },
};
