import {
  beginSignIn,
  codeChallenge,
  discover,
  PENDING_KEY,
  PENDING_MAX_AGE_MS,
  randomToken,
  safeReturnPath,
  SignInError,
  type FlowEnv,
  type OidcConfig,
} from './oidc';
import { completeSignIn } from './oidc-callback';
import { claimsOf } from './session';
import { MESSAGES } from './sign-in-messages';

const ISSUER = 'https://sso.union.test/realms/union';
const ORIGIN = 'https://console.union.test';
const API = 'https://union.test/api';
const CONFIG: OidcConfig = {
  issuer: ISSUER,
  clientId: 'union-console',
  scope: 'openid profile',
  audience: API,
};
const DISCOVERY = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/auth`,
  token_endpoint: `${ISSUER}/token`,
  end_session_endpoint: `${ISSUER}/logout`,
  code_challenge_methods_supported: ['S256'],
};
const T0 = Date.UTC(2026, 8, 1, 1, 0, 0);

/** An unsigned JWT with `claims` (the flow reads claims; the gateway checks signatures). */
function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => {
    let binary = '';
    for (const b of new TextEncoder().encode(JSON.stringify(o))) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  return `${part({ alg: 'RS256', kid: 'k1' })}.${part(claims)}.c2ln`;
}

interface Provider {
  env: FlowEnv;
  store: Map<string, string>;
  /** The token requests the fake provider received. */
  tokenRequests: URLSearchParams[];
  /** What the token endpoint answers: status and body, given the request and the pending nonce. */
  tokenAnswer: (body: URLSearchParams, nonce: string) => { status: number; body: unknown };
  clock: { now: number };
}

/** A fake provider behind `fetch` (discovery, token endpoint), the storage and a clock. */
function provider(discovery: unknown = DISCOVERY): Provider {
  const store = new Map<string, string>();
  const p: Provider = {
    store,
    tokenRequests: [],
    clock: { now: T0 },
    tokenAnswer: (_body, nonce) => ({ status: 200, body: goodTokens(nonce) }),
    env: undefined as unknown as FlowEnv,
  };
  const fetchFn = (input: string, init?: { method?: string; body?: URLSearchParams }): Promise<Response> => {
    const url = input;
    if (url === `${ISSUER}/.well-known/openid-configuration`)
      return Promise.resolve(Response.json(discovery));
    if (url === `${ISSUER}/token` && init?.method === 'POST') {
      const body = new URLSearchParams(init.body);
      p.tokenRequests.push(body);
      const pending = JSON.parse(store.get(PENDING_KEY) ?? pendingSeen ?? '{}') as { nonce?: string };
      const answer = p.tokenAnswer(body, pending.nonce ?? '');
      return Promise.resolve(Response.json(answer.body, { status: answer.status }));
    }
    return Promise.reject(new TypeError('fetch failed'));
  };
  // completeSignIn forgets the pending sign-in before it exchanges the code: keep what it read.
  let pendingSeen: string | undefined;
  p.env = {
    storage: {
      getItem: (k) => {
        const v = store.get(k) ?? null;
        if (k === PENDING_KEY && v) pendingSeen = v;
        return v;
      },
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    },
    fetch: fetchFn as unknown as typeof fetch,
    crypto: globalThis.crypto,
    now: () => p.clock.now,
  };
  return p;
}

const exp = (minutes: number) => Math.floor(T0 / 1000) + minutes * 60;
function goodTokens(nonce: string, access: Record<string, unknown> = {}) {
  return {
    token_type: 'Bearer',
    id_token: jwt({ iss: ISSUER, aud: 'union-console', sub: 'cw-1', name: '李敏', nonce, exp: exp(60) }),
    access_token: jwt({
      iss: ISSUER,
      aud: API,
      sub: 'cw-1',
      roles: ['caseworker'],
      units: ['ha-zz-jsq'],
      exp: exp(60),
      ...access,
    }),
  };
}

/** Begins a sign-in and answers the callback URL the provider would send back with `params`. */
async function begin(p: Provider, config = CONFIG, returnTo?: string) {
  const authorize = new URL(await beginSignIn(config, ORIGIN, returnTo, p.env));
  const state = authorize.searchParams.get('state') ?? '';
  const back = (params: Record<string, string>) =>
    `${ORIGIN}/auth/callback?${new URLSearchParams(params).toString()}`;
  return { authorize, state, callback: back({ code: 'the-code', state, iss: ISSUER }), back };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof SignInError) return e.message;
    throw e;
  }
  throw new Error('the sign-in was not refused');
}

describe('PKCE parameters', () => {
  it('S256 of the RFC 7636 appendix B verifier is its challenge', async () => {
    expect(await codeChallenge(globalThis.crypto, 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('random tokens are 32 bytes of base64url (43 characters), never the same twice', () => {
    const tokens = Array.from({ length: 50 }, () => randomToken(globalThis.crypto));
    expect(tokens.every((t) => /^[A-Za-z0-9_-]{43}$/.test(t))).toBe(true);
    expect(new Set(tokens).size).toBe(50);
  });

  it('a page without crypto.subtle (not a secure context) cannot sign in, and says why', async () => {
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as Crypto;
    expect(await refusal(codeChallenge(insecure, 'v'))).toBe(MESSAGES.insecure);
  });
});

describe('beginning a sign-in', () => {
  it('sends the browser to the authorization endpoint with state, nonce and an S256 challenge of the kept verifier', async () => {
    const p = provider();
    const { authorize } = await begin(p, CONFIG, '/hardship/cases');
    expect(authorize.origin + authorize.pathname).toBe(`${ISSUER}/auth`);
    const q = Object.fromEntries(authorize.searchParams);
    const kept = JSON.parse(p.store.get(PENDING_KEY) ?? '') as Record<string, unknown>;
    expect(q).toEqual({
      response_type: 'code',
      client_id: 'union-console',
      redirect_uri: `${ORIGIN}/auth/callback`,
      scope: 'openid profile',
      state: kept.state,
      nonce: kept.nonce,
      code_challenge: await codeChallenge(globalThis.crypto, kept.codeVerifier as string),
      code_challenge_method: 'S256',
      resource: API,
    });
    expect(q.code_challenge).not.toBe(kept.codeVerifier);
    expect(kept).toMatchObject({
      returnTo: '/hardship/cases',
      startedAt: T0,
      tokenEndpoint: `${ISSUER}/token`,
    });
  });

  it('asks for no resource when the ID token is the bearer (no audience)', async () => {
    const { authorize } = await begin(provider(), { ...CONFIG, audience: undefined });
    expect(authorize.searchParams.has('resource')).toBe(false);
  });

  it('keeps only a path of this console to come back to', () => {
    expect(safeReturnPath('/workbench?tab=1')).toBe('/workbench?tab=1');
    for (const bad of ['//evil.test/x', '/\\evil.test', 'https://evil.test/', '', undefined])
      expect(safeReturnPath(bad)).toBeUndefined();
  });

  it('refuses a discovery document of another issuer, one without S256, or no provider at all', async () => {
    const other = provider({ ...DISCOVERY, issuer: 'https://evil.test' });
    expect(await refusal(discover(ISSUER, other.env.fetch))).toBe(MESSAGES.discovery);
    const plain = provider({ ...DISCOVERY, code_challenge_methods_supported: ['plain'] });
    expect(await refusal(discover(ISSUER, plain.env.fetch))).toBe(MESSAGES.noS256);
    expect(await refusal(discover('https://down.test', provider().env.fetch))).toBe(MESSAGES.unreachable);
  });
});

describe('completing a sign-in at the redirect URI', () => {
  it('exchanges the code with the verifier and makes the session of the access token for the API', async () => {
    const p = provider();
    const { callback } = await begin(p, CONFIG, '/workbench');
    const kept = JSON.parse(p.store.get(PENDING_KEY) ?? '') as { codeVerifier: string };
    const { session, returnTo } = await completeSignIn(callback, p.env);
    expect(Object.fromEntries(p.tokenRequests[0])).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: `${ORIGIN}/auth/callback`,
      client_id: 'union-console',
      code_verifier: kept.codeVerifier,
      resource: API,
    });
    expect(session).toMatchObject({
      sub: 'cw-1',
      name: '李敏', // from the ID token: the access token has none
      roles: ['caseworker'],
      units: ['ha-zz-jsq'],
      expiresAt: exp(60),
      providerSignOut: { endSessionEndpoint: `${ISSUER}/logout`, clientId: 'union-console' },
    });
    expect(claimsOf(session.token)).toMatchObject({ aud: API, iss: ISSUER }); // the access token
    expect(returnTo).toBe('/workbench');
    expect(p.store.has(PENDING_KEY)).toBe(false);
    // The kept state is used once: the same answer again finds nothing to complete.
    expect(await refusal(completeSignIn(callback, p.env))).toBe(MESSAGES.noPending);
  });

  it('takes the ID token as the bearer when the client id is the audience', async () => {
    const p = provider();
    p.tokenAnswer = (_b, nonce) => ({
      status: 200,
      body: {
        id_token: jwt({
          iss: ISSUER,
          aud: 'union-console',
          sub: 'rv-1',
          nonce,
          exp: exp(30),
          roles: ['reviewer'],
          units: ['ha'],
        }),
        access_token: 'opaque',
      },
    });
    const { callback } = await begin(p, { ...CONFIG, audience: undefined });
    const { session } = await completeSignIn(callback, p.env);
    expect(session).toMatchObject({ sub: 'rv-1', name: 'rv-1', roles: ['reviewer'], units: ['ha'] });
    expect(p.tokenRequests[0].has('resource')).toBe(false);
  });

  it('says the person declined when the provider answers access_denied', async () => {
    const p = provider();
    const { back, state } = await begin(p);
    expect(await refusal(completeSignIn(back({ error: 'access_denied', state }), p.env))).toBe(
      MESSAGES.denied,
    );
    expect(p.tokenRequests).toHaveLength(0);
  });

  it('refuses an answer whose state is not the kept one (no code is exchanged)', async () => {
    const p = provider();
    const { back } = await begin(p);
    const forged = back({ code: 'the-code', state: randomToken(globalThis.crypto) });
    expect(await refusal(completeSignIn(forged, p.env))).toBe(MESSAGES.stateMismatch);
    expect(p.tokenRequests).toHaveLength(0);
  });

  it('refuses a sign-in that took longer than its time to come back', async () => {
    const p = provider();
    const { callback } = await begin(p);
    p.clock.now = T0 + PENDING_MAX_AGE_MS + 1;
    expect(await refusal(completeSignIn(callback, p.env))).toBe(MESSAGES.expired);
  });

  it('refuses an answer naming another issuer (RFC 9207), and one without a code', async () => {
    const p = provider();
    const { back, state } = await begin(p);
    expect(await refusal(completeSignIn(back({ code: 'c', state, iss: 'https://evil.test' }), p.env))).toBe(
      MESSAGES.wrongIssuer,
    );
    const again = await begin(p);
    expect(await refusal(completeSignIn(again.back({ state: again.state }), p.env))).toBe(MESSAGES.noCode);
  });

  it.each<[string, (nonce: string) => unknown, string]>([
    ['a code already used', () => ({ error: 'invalid_grant' }), MESSAGES.invalidGrant],
    ['an ID token with another nonce', () => goodTokens(randomToken(globalThis.crypto)), MESSAGES.idToken],
    [
      'an ID token for another client',
      (n) => ({
        ...goodTokens(n),
        id_token: jwt({ iss: ISSUER, aud: 'other', sub: 'x', nonce: n, exp: exp(5) }),
      }),
      MESSAGES.idToken,
    ],
    [
      'an expired ID token',
      (n) => ({
        ...goodTokens(n),
        id_token: jwt({ iss: ISSUER, aud: 'union-console', sub: 'x', nonce: n, exp: exp(-1) }),
      }),
      MESSAGES.idTokenExpired,
    ],
    [
      'an access token for another API',
      (n) => goodTokens(n, { aud: 'https://other.test' }),
      MESSAGES.accessToken,
    ],
    ['an opaque access token', (n) => ({ ...goodTokens(n), access_token: 'opaque' }), MESSAGES.accessToken],
    ['an account without units', (n) => goodTokens(n, { units: [] }), MESSAGES.noRoles],
    ['an account without roles', (n) => goodTokens(n, { roles: undefined }), MESSAGES.noRoles],
  ])('refuses %s', async (_name, answer, message) => {
    const p = provider();
    p.tokenAnswer = (_b, nonce) => {
      const body = answer(nonce);
      return { status: (body as { error?: string }).error ? 400 : 200, body };
    };
    const { callback } = await begin(p);
    expect(await refusal(completeSignIn(callback, p.env))).toBe(message);
  });
});
