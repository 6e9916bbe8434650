import { openDatabase } from './data-source';
import { createDatabase, dropDatabase } from '../testing';

/** Replicas of a service start together on one database: each runs the migrations on boot. */
describe('openDatabase with replicas starting at once (real PostgreSQL)', () => {
  it('migrates once and opens every replica', async () => {
    const url = await createDatabase('migrate_race');
    try {
      const opened = await Promise.allSettled(
        Array.from({ length: 3 }, () => openDatabase({ url, poolMax: 2 })),
      );
      const failures = opened.filter((o) => o.status === 'rejected').map((o) => String(o.reason));
      for (const o of opened) if (o.status === 'fulfilled') await o.value.destroy();
      expect(failures).toEqual([]);
    } finally {
      await dropDatabase(url);
    }
  });
});
