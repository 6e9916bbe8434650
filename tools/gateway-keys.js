// Prints a fresh Ed25519 key pair for the gateway's assertions, as two lines for .env:
//   node tools/gateway-keys.js >> .env
// The gateway gets GATEWAY_ASSERTION_PRIVATE_KEY; the services only GATEWAY_ASSERTION_PUBLIC_KEY
// (docs/security-hop.md). The same as openssl genpkey -algorithm ed25519, in base64 DER.
const { generateKeyPairSync } = require('node:crypto');

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
process.stdout.write(
  `GATEWAY_ASSERTION_PRIVATE_KEY=${privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')}\n` +
    `GATEWAY_ASSERTION_PUBLIC_KEY=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}\n`,
);
