import { bearer, startQuietPlatform } from './testing/platform-client.fixture';
import { holidayWarmthStory } from './testing/holiday-warmth-story';

/**
 * Issue 15's story (送温暖) on the embedded default, through the gateway only: the four services in
 * one process on PGlite and the in-process bus, the tree seeded as `npm start` seeds it.
 */
holidayWarmthStory('the holiday warmth story on the embedded default', {
  tree: 'seeded',
  waitMs: 20_000,
  async start() {
    const platform = await startQuietPlatform({}, { seedOrganisation: true });
    return {
      gatewayUrl: platform.gatewayUrl,
      bearer: (sub, roles, units) => bearer(sub, roles, units),
      stop: () => platform.stop(),
    };
  },
});
