import type { components } from '../api/schema';
import type { OidcConfig } from './oidc';

/** `GET /api/v1/auth/config`: which sign-in the gateway offers (dev personas, OpenID Connect). */
export type AuthConfig = components['schemas']['AuthConfig'];

/** The sign-in ways offered, read before anyone is signed in. @throws Error with a Chinese sentence. */
export async function fetchAuthConfig(
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
): Promise<AuthConfig> {
  let res: Response;
  try {
    res = await fetchFn('/api/v1/auth/config', { headers: { accept: 'application/json' } });
  } catch {
    throw new Error('无法连接工作台服务，请检查网络后刷新重试。');
  }
  if (!res.ok) throw new Error('暂时无法获取登录方式，请稍后刷新重试。');
  return (await res.json()) as AuthConfig;
}

/** The OpenID Connect settings to sign in with, if the gateway offers that sign-in. */
export function oidcOf(config: AuthConfig): OidcConfig | undefined {
  const o = config.oidc;
  if (!o?.issuer || !o.clientId) return undefined;
  return {
    issuer: o.issuer,
    clientId: o.clientId,
    scope: o.scope || 'openid',
    ...(o.audience ? { audience: o.audience } : {}),
  };
}
