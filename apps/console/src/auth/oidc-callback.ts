import { fail, PENDING_KEY, PENDING_MAX_AGE_MS, type FlowEnv, type PendingSignIn } from './oidc';
import { claimsOf, sessionFromToken, type Session } from './session';
import { MESSAGES, providerErrorMessage } from './sign-in-messages';

// The way back from the identity provider, at the redirect URI (/auth/callback): oidc.ts began it.

/**
 * Completes a sign-in at the redirect URI: the state checked against the one kept (used once,
 * then forgotten), the code exchanged with its PKCE verifier, the ID token's issuer, audience,
 * nonce and expiry checked, and the session made of the token the gateway accepts.
 */
export async function completeSignIn(
  callbackUrl: string,
  env: FlowEnv,
): Promise<{ session: Session; returnTo?: string }> {
  const params = new URL(callbackUrl).searchParams;
  const pending = takePending(env);
  const error = params.get('error');
  if (error) fail(providerErrorMessage(error));
  if (!pending) return fail(MESSAGES.noPending);
  if (params.get('state') !== pending.state) fail(MESSAGES.stateMismatch);
  if (env.now() - pending.startedAt > PENDING_MAX_AGE_MS) fail(MESSAGES.expired);
  // RFC 9207: a provider that names itself must name the trusted issuer (mix-up attacks).
  const iss = params.get('iss');
  if (iss !== null && iss !== pending.config.issuer) fail(MESSAGES.wrongIssuer);
  const code = params.get('code');
  if (!code) return fail(MESSAGES.noCode);
  const tokens = await exchangeCode(pending, code, env.fetch);
  return { session: sessionOf(pending, tokens, env.now()), returnTo: pending.returnTo };
}

function takePending(env: FlowEnv): PendingSignIn | undefined {
  const raw = env.storage.getItem(PENDING_KEY);
  env.storage.removeItem(PENDING_KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as PendingSignIn;
  } catch {
    return undefined;
  }
}

interface TokenAnswer {
  readonly id_token?: string;
  readonly access_token?: string;
  readonly error?: string;
}

async function exchangeCode(
  pending: PendingSignIn,
  code: string,
  fetchFn: typeof fetch,
): Promise<TokenAnswer> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: pending.config.clientId,
    code_verifier: pending.codeVerifier,
  });
  if (pending.config.audience) body.set('resource', pending.config.audience);
  let res: Response;
  let answer: TokenAnswer;
  try {
    res = await fetchFn(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
    answer = (await res.json()) as TokenAnswer;
  } catch {
    return fail(MESSAGES.unreachable);
  }
  if (!res.ok || answer.error) {
    if (answer.error === 'invalid_grant') fail(MESSAGES.invalidGrant);
    fail(`统一身份认证未能签发令牌（错误代码 ${answer.error ?? res.status}），请重新登录。`);
  }
  return answer;
}

const audienceOf = (claims: Record<string, unknown>): unknown[] =>
  Array.isArray(claims.aud) ? claims.aud : [claims.aud];

function readClaims(token: string | undefined, message: string): Record<string, unknown> {
  if (!token) return fail(message);
  try {
    return claimsOf(token);
  } catch {
    return fail(message);
  }
}

/**
 * The ID token is checked as OpenID Connect Core §3.1.3.7 asks of a client that received it
 * straight from the token endpoint over TLS (so its signature need not be checked here; the
 * gateway verifies every token it is sent against the provider's keys).
 */
function sessionOf(pending: PendingSignIn, tokens: TokenAnswer, now: number): Session {
  const { config } = pending;
  const id = readClaims(tokens.id_token, MESSAGES.idToken);
  if (id.iss !== config.issuer || !audienceOf(id).includes(config.clientId) || id.nonce !== pending.nonce)
    fail(MESSAGES.idToken);
  if (typeof id.exp !== 'number' || id.exp * 1000 <= now) fail(MESSAGES.idTokenExpired);
  let bearer = tokens.id_token as string;
  if (config.audience) {
    const access = readClaims(tokens.access_token, MESSAGES.accessToken);
    if (access.iss !== config.issuer || !audienceOf(access).includes(config.audience))
      fail(MESSAGES.accessToken);
    bearer = tokens.access_token as string;
  }
  let session: Session;
  try {
    session = sessionFromToken(bearer);
  } catch {
    return fail(MESSAGES.accessToken);
  }
  if (session.roles.length === 0 || session.units.length === 0) fail(MESSAGES.noRoles);
  if (session.expiresAt * 1000 <= now) fail(MESSAGES.sessionExpired);
  // An access token may not carry the person's name; the ID token does (scope profile).
  const name =
    session.name === session.sub && typeof id.name === 'string' && id.name ? id.name : session.name;
  return {
    ...session,
    name,
    ...(pending.endSessionEndpoint
      ? {
          providerSignOut: {
            endSessionEndpoint: pending.endSessionEndpoint,
            idToken: tokens.id_token as string,
            clientId: config.clientId,
          },
        }
      : {}),
  };
}
