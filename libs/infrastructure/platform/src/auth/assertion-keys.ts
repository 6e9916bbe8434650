import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** Environment variable of the gateway's private signing key. */
export const ASSERTION_PRIVATE_KEY_VAR = 'GATEWAY_ASSERTION_PRIVATE_KEY';
/** Environment variable of the gateway's public key, which the services verify with. */
export const ASSERTION_PUBLIC_KEY_VAR = 'GATEWAY_ASSERTION_PUBLIC_KEY';

const HOW =
  'PEM, or base64 of the DER; generate a pair with: node tools/gateway-keys.js (see docs/security-hop.md)';

/**
 * The gateway's Ed25519 private key from an environment value: PEM (PKCS#8), or base64 of the DER
 * (one line, easier in `.env` files and compose). The message names the variable, never the value.
 * @throws Error naming `name` when the value is not an Ed25519 private key.
 */
export function assertionPrivateKey(name: string, value: string): KeyObject {
  return ed25519(name, 'private', () =>
    isPem(value)
      ? createPrivateKey(value)
      : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' }),
  );
}

/** The gateway's Ed25519 public key (SPKI, PEM or base64 DER); see {@link assertionPrivateKey}. */
export function assertionPublicKey(name: string, value: string): KeyObject {
  // createPublicKey also derives one from a private key: a service must never hold that.
  if (value.includes('PRIVATE KEY'))
    throw new Error(`${name} holds a private key; give the services the public key only.`);
  return ed25519(name, 'public', () =>
    isPem(value)
      ? createPublicKey(value)
      : createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' }),
  );
}

/** A fresh key pair as the two variables hold it (base64 DER): the embedded default makes one per run. */
export function generateAssertionKeys(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519');
  return {
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

const isPem = (value: string) => value.trimStart().startsWith('-----BEGIN');

function ed25519(name: string, kind: 'private' | 'public', parse: () => KeyObject): KeyObject {
  let key: KeyObject | undefined;
  try {
    key = parse();
  } catch {
    key = undefined;
  }
  if (key?.type !== kind || key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${name} is not an Ed25519 ${kind} key (${HOW}).`);
  }
  return key;
}
