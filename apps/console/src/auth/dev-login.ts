import type { Persona } from './personas';
import { sessionFromToken, type Session } from './session';

/** Signs in as a development persona (`POST /api/v1/auth/dev-token`, embedded default only). */
export async function devLogin(persona: Persona): Promise<Session> {
  const res = await fetch('/api/v1/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sub: persona.sub,
      name: persona.name,
      roles: persona.roles,
      units: persona.units,
    }),
  });
  if (res.status === 404) throw new Error('本环境未开启开发登录，请使用统一身份认证登录');
  if (!res.ok) throw new Error('登录未成功，请稍后再试');
  const { token } = (await res.json()) as { token: string };
  return sessionFromToken(token);
}
