import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The key that wraps every person's data key (envelope encryption). The local one comes from the
 * environment; a key-management service plugs in by implementing this interface (wrap and unwrap
 * are the KMS's Encrypt and Decrypt of the 32-byte data key; `id` names the KMS key version), so
 * the master key never needs to be in the process (docs/personal-information.md).
 */
export interface MasterKey {
  /** Names this key; stored with every data key it wrapped, so a rotation knows what to rewrap. */
  readonly id: string;
  wrap(dataKey: Buffer): Promise<Buffer>;
  /** @throws Error when `wrapped` was not wrapped by this key. */
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM with a 32-byte key held in the process. Its id is a fingerprint of the key. */
export class LocalMasterKey implements MasterKey {
  readonly id: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`the master key is ${KEY_BYTES} bytes`);
    this.id = `local:${createHmac('sha256', key).update('union-master-key-id').digest('hex').slice(0, 16)}`;
  }

  wrap(dataKey: Buffer): Promise<Buffer> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Promise.resolve(Buffer.concat([iv, body, cipher.getAuthTag()]));
  }

  unwrap(wrapped: Buffer): Promise<Buffer> {
    try {
      const iv = wrapped.subarray(0, IV_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
      const body = wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES);
      return Promise.resolve(Buffer.concat([decipher.update(body), decipher.final()]));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** The development master key of the embedded default (published here: refused in production). */
export const EMBEDDED_DEV_MASTER_KEY = Buffer.from(
  'ZW1iZWRkZWQtZGV2ZWxvcG1lbnQtb25seS1tYXN0ZXI=',
  'base64',
);

/** The embedded default's master key, which the tests and benches use too. */
export const EMBEDDED_MASTER_KEY: MasterKey = new LocalMasterKey(EMBEDDED_DEV_MASTER_KEY);

/**
 * The master key from `PERSONAL_DATA_MASTER_KEY` (base64 of 32 bytes). The embedded default falls
 * back to its published development key; anywhere else the variable is required and the published
 * key refused.
 * @throws Error naming the variable (never its value).
 */
export function masterKeyFromEnv(env: NodeJS.ProcessEnv, embedded: boolean): MasterKey {
  const text = env.PERSONAL_DATA_MASTER_KEY;
  if (!text) {
    if (embedded) return EMBEDDED_MASTER_KEY;
    throw new Error('PERSONAL_DATA_MASTER_KEY is required: base64 of 32 random bytes (openssl rand -base64 32).');
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== text.trim()) {
    throw new Error('PERSONAL_DATA_MASTER_KEY must be base64 of exactly 32 bytes.');
  }
  if (!embedded && key.equals(EMBEDDED_DEV_MASTER_KEY)) {
    throw new Error('PERSONAL_DATA_MASTER_KEY is the published development key: not for production.');
  }
  return new LocalMasterKey(key);
}
