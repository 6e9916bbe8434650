import { claimsOf, providerSignOutUrl, sessionFromToken } from './session';

function jwt(claims: Record<string, unknown>): string {
  let binary = '';
  for (const b of new TextEncoder().encode(JSON.stringify(claims))) binary += String.fromCharCode(b);
  const payload = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `eyJhbGciOiJSUzI1NiJ9.${payload}.c2ln`;
}

describe('the session a token makes', () => {
  it('reads sub, a Chinese name (UTF-8, base64url without padding), roles, units and exp', () => {
    const token = jwt({
      sub: 'cw-1',
      name: '李敏',
      roles: ['caseworker'],
      units: ['ha-zz-jsq'],
      exp: 1_788_000_000,
    });
    expect(sessionFromToken(token)).toEqual({
      token,
      sub: 'cw-1',
      name: '李敏',
      roles: ['caseworker'],
      units: ['ha-zz-jsq'],
      expiresAt: 1_788_000_000,
    });
  });

  it('names the person by their sub when the token has no name, and grants nothing it does not list', () => {
    expect(sessionFromToken(jwt({ sub: 'x', roles: 'admin', units: [1, 'u'] }))).toMatchObject({
      name: 'x',
      roles: [],
      units: ['u'],
      expiresAt: 0,
    });
  });

  it('refuses what is not a JWT with a sub', () => {
    for (const bad of ['opaque-token', 'a.b', jwt({ name: 'no sub' }), `x.${btoa('[1]')}.y`])
      expect(() => sessionFromToken(bad)).toThrow();
    expect(() => claimsOf('x.!!!.y')).toThrow();
  });
});

describe("ending the identity provider's session", () => {
  const base = sessionFromToken(jwt({ sub: 'cw-1', roles: ['caseworker'], units: ['u'], exp: 1 }));

  it('goes to end_session with the ID token as hint, coming back to the sign-in page', () => {
    const url = new URL(
      providerSignOutUrl(
        {
          ...base,
          providerSignOut: {
            endSessionEndpoint: 'https://sso.union.test/session/end?ui=zh',
            idToken: 'the.id.token',
            clientId: 'union-console',
          },
        },
        'https://console.union.test',
      ) ?? '',
    );
    expect(url.origin + url.pathname).toBe('https://sso.union.test/session/end');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ui: 'zh',
      id_token_hint: 'the.id.token',
      client_id: 'union-console',
      post_logout_redirect_uri: 'https://console.union.test/login',
    });
  });

  it('is nothing to do for a development persona', () => {
    expect(providerSignOutUrl(base, 'https://console.union.test')).toBeUndefined();
  });
});
