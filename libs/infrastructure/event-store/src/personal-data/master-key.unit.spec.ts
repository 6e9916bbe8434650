import { randomBytes } from 'node:crypto';
import { EMBEDDED_DEV_MASTER_KEY, EMBEDDED_MASTER_KEY, LocalMasterKey, masterKeyFromEnv } from './master-key';

describe('the master key from PERSONAL_DATA_MASTER_KEY', () => {
  const good = randomBytes(32).toString('base64');

  it('is required outside the embedded default, where the published development key is the fallback', () => {
    expect(() => masterKeyFromEnv({}, false)).toThrow(/PERSONAL_DATA_MASTER_KEY is required/);
    expect(masterKeyFromEnv({}, true)).toBe(EMBEDDED_MASTER_KEY);
  });

  it('refuses a key that is not 32 bytes of base64, and the published key in production', () => {
    expect(() => masterKeyFromEnv({ PERSONAL_DATA_MASTER_KEY: 'c2hvcnQ=' }, false)).toThrow(/exactly 32 bytes/);
    expect(() => masterKeyFromEnv({ PERSONAL_DATA_MASTER_KEY: `${good}!` }, false)).toThrow(/exactly 32 bytes/);
    const published = EMBEDDED_DEV_MASTER_KEY.toString('base64');
    expect(() => masterKeyFromEnv({ PERSONAL_DATA_MASTER_KEY: published }, false)).toThrow(/published/);
    expect(masterKeyFromEnv({ PERSONAL_DATA_MASTER_KEY: good }, false).id).toMatch(/^local:[0-9a-f]{16}$/);
  });

  it('wraps and unwraps a data key; another key cannot unwrap it; the id names the key, not the bytes', async () => {
    const a = new LocalMasterKey(randomBytes(32));
    const b = new LocalMasterKey(randomBytes(32));
    const dataKey = randomBytes(32);
    const wrapped = await a.wrap(dataKey);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect((await a.unwrap(wrapped)).equals(dataKey)).toBe(true);
    await expect(b.unwrap(wrapped)).rejects.toThrow();
    expect(a.id).not.toBe(b.id);
    expect(new LocalMasterKey(Buffer.from(EMBEDDED_DEV_MASTER_KEY)).id).toBe(EMBEDDED_MASTER_KEY.id);
  });
});
