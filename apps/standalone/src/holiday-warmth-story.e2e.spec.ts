import { signDevToken } from '@union/platform';
import { startCluster } from '@union/testing';
import { holidayWarmthStory } from './testing/holiday-warmth-story';

/**
 * Issue 15's story (送温暖) on production-mode processes: the gateway and the four services as
 * separate processes on real PostgreSQL (a fresh database each) and the Kafka broker. The cluster
 * has no seeded tree: the story creates the same nodes through the gateway first, and waits until
 * hardship-cases has them from `organisation.units.v1`.
 */
holidayWarmthStory('the holiday warmth story on real PostgreSQL and Kafka', {
  tree: 'create',
  waitMs: 60_000,
  async start() {
    const cluster = await startCluster('holiday-warmth-story');
    return {
      gatewayUrl: cluster.gatewayUrl,
      bearer: async (sub, roles, units) =>
        `Bearer ${await signDevToken(cluster.jwtSecret, { sub, roles: [...roles], units: [...units] }, 1800)}`,
      stop: () => cluster.stop(),
    };
  },
});
