import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { ASSERTION_PRIVATE_KEY_VAR, assertionPrivateKey, ConfigError } from '@union/platform';

/**
 * The key the gateway signs its assertions with: `GATEWAY_ASSERTION_PRIVATE_KEY` (Ed25519, PEM or
 * base64 DER), required outside the embedded default. The embedded default without one makes a
 * key for this process (its services are given the public half: apps/standalone).
 * @throws ConfigError naming the variable, never its value.
 */
export function assertionKeyFrom(env: NodeJS.ProcessEnv, embedded: boolean): KeyObject {
  const value = env[ASSERTION_PRIVATE_KEY_VAR]?.trim();
  if (value) {
    try {
      return assertionPrivateKey(ASSERTION_PRIVATE_KEY_VAR, value);
    } catch (error) {
      throw new ConfigError([(error as Error).message]);
    }
  }
  if (embedded) return generateKeyPairSync('ed25519').privateKey;
  throw new ConfigError([
    `${ASSERTION_PRIVATE_KEY_VAR} is required (the gateway signs every call to a service with it; generate the pair with node tools/gateway-keys.js)`,
  ]);
}
