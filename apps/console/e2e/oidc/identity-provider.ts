// The identity provider of the OpenID Connect e2e (apps/console/e2e/oidc-sign-in.e2e.spec.ts),
// run as a process of its own: the oidc-provider package (a certified OpenID provider) on
// loopback, with discovery, JWKS, PKCE and RP-initiated logout, its own Chinese sign-in and
// consent pages (idp-pages.ts), accounts whose access tokens carry the roles and units the
// gateway reads, and JWT access tokens for the platform's API (RFC 8707 resource indicators).
//   IDP_CONFIG='<json IdpConfig>' node -r ./tools/register.js apps/console/e2e/oidc/identity-provider.ts
// listens on a port of its own choosing and prints `{"issuer": …}`; then it reads the console's
// origin as a line `{"consoleOrigin": …}` on stdin (the gateway's port is known only once the
// platform, which must know the issuer first, has started), registers the console there and
// prints `{"ready": true}`. Choosing no port ahead leaves no port for another process to take.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import type { IssuedToken, KoaContext } from 'oidc-provider';
import { consentPage, errorPage, loginPage, logoutPage } from './idp-pages';

export interface IdpAccount {
  readonly password: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly units: readonly string[];
}

export interface IdpConfig {
  readonly consoleClientId: string;
  /** The platform API's audience (the resource the console's access token is for). */
  readonly audience: string;
  readonly accounts: Readonly<Record<string, IdpAccount>>;
  /** A service client (client credentials) whose own tokens carry these claims: for seeding. */
  readonly service?: { readonly clientId: string; readonly clientSecret: string } & Omit<
    IdpAccount,
    'password'
  >;
}

const CLIENT_NAME = '帮扶工作台';

export interface IdentityProvider {
  readonly issuer: string;
  /** Registers the console at `consoleOrigin` (redirect `<origin>/auth/callback`, logout `<origin>/login`) and serves. */
  registerConsole(consoleOrigin: string): Promise<void>;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startIdentityProvider(config: IdpConfig): Promise<IdentityProvider> {
  let handle: Handler = (_req, res) => void res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    registerConsole: async (consoleOrigin) => {
      handle = await serve(issuer, consoleOrigin, config);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The provider at `issuer` with the console of `consoleOrigin` as its client, as a request handler. */
async function serve(issuer: string, consoleOrigin: string, config: IdpConfig): Promise<Handler> {
  // oidc-provider is ESM only: loaded with a dynamic import.
  const { default: Provider, errors } = await import('oidc-provider');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomBytes(8).toString('hex'),
    alg: 'RS256',
    use: 'sig',
  };
  const { accounts, service } = config;
  const claimsOf = (token: IssuedToken) => {
    const who = token.accountId
      ? accounts[token.accountId]
      : token.clientId === service?.clientId
        ? service
        : undefined;
    return who && { name: who.name, roles: who.roles, units: who.units };
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: config.consoleClientId,
        client_name: CLIENT_NAME,
        token_endpoint_auth_method: 'none', // a public client: PKCE, no secret
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${consoleOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${consoleOrigin}/login`],
      },
      ...(service
        ? [
            {
              client_id: service.clientId,
              client_secret: service.clientSecret,
              grant_types: ['client_credentials'],
              response_types: [],
              redirect_uris: [],
            },
          ]
        : []),
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['name'] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContext, form: string) => html(ctx, logoutPage(form)),
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => config.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          if (indicator !== config.audience) throw new errors.InvalidTarget();
          return {
            scope: 'union.api',
            audience: config.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 600,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts[sub];
      return account && { accountId: sub, claims: () => ({ sub, name: account.name }) };
    },
    extraTokenClaims: (_ctx: unknown, token: IssuedToken) => claimsOf(token),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === consoleOrigin,
    renderError: (ctx: KoaContext, out: { error: string; error_description?: string }) =>
      html(ctx, errorPage(out.error, out.error_description)),
    ttl: {
      AccessToken: 600,
      IdToken: 600,
      ClientCredentials: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
  });
  const oidc = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action?: string) {
    const details = await provider.interactionDetails(req, res);
    const { name: prompt, details: missing } = details.prompt;
    if (req.method === 'GET') {
      const page =
        prompt === 'login'
          ? loginPage(uid, CLIENT_NAME)
          : consentPage(uid, CLIENT_NAME, [
              ...(missing.missingOIDCScope ?? []),
              ...Object.values(missing.missingResourceScopes ?? {}).flat(),
            ]);
      return send(res, 200, page);
    }
    const form = new URLSearchParams(await body(req));
    if (action === 'login') {
      const login = form.get('login') ?? '';
      if (accounts[login]?.password !== form.get('password'))
        return send(res, 200, loginPage(uid, CLIENT_NAME, '账号或密码不正确'));
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === 'abort') {
      const denied = { error: 'access_denied', error_description: 'the account holder refused the request' };
      return provider.interactionFinished(req, res, denied, { mergeWithLastSubmission: false });
    }
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ?? fail('grant not found'))
      : new provider.Grant({
          accountId: details.session?.accountId ?? '',
          clientId: details.params.client_id,
        });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    const result = { consent: { grantId: await grant.save() } };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
  }

  return (req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/.exec(req.url ?? '');
    if (!match) return oidc(req, res);
    interaction(req, res, match[1], match[2]).catch((error: unknown) =>
      send(res, 400, errorPage('interaction_failed', error instanceof Error ? error.message : String(error))),
    );
  };
}

function html(ctx: KoaContext, page: string): void {
  ctx.type = 'html';
  ctx.body = page;
}

function send(res: ServerResponse, status: number, page: string): void {
  if (res.headersSent) return void res.end();
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .end(page);
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function fail(message: string): never {
  throw new Error(message);
}

/** The process: IDP_CONFIG in, the issuer out, the console's origin in on stdin, ready out. */
async function main(): Promise<void> {
  const idp = await startIdentityProvider(JSON.parse(process.env.IDP_CONFIG ?? '{}') as IdpConfig);
  process.once('SIGTERM', () => void idp.close().then(() => process.exit(0)));
  process.stdout.write(`${JSON.stringify({ issuer: idp.issuer })}\n`);
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const { consoleOrigin } = JSON.parse(line) as { consoleOrigin: string };
    await idp.registerConsole(consoleOrigin);
    process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
