import { fetchAuthConfig, oidcOf } from './auth-config';

const answer = (status: number, body: unknown) => () => Promise.resolve(Response.json(body, { status }));

describe('the sign-in configuration', () => {
  it('is read from GET /api/v1/auth/config', async () => {
    const asked: string[] = [];
    const config = await fetchAuthConfig((input) => {
      asked.push(input as string);
      return Promise.resolve(Response.json({ devLogin: true }));
    });
    expect(config).toEqual({ devLogin: true });
    expect(asked).toEqual(['/api/v1/auth/config']);
  });

  it('says in Chinese when it cannot be read', async () => {
    await expect(fetchAuthConfig(answer(503, {}))).rejects.toThrow('暂时无法获取登录方式，请稍后刷新重试。');
    await expect(fetchAuthConfig(() => Promise.reject(new TypeError('fetch failed')))).rejects.toThrow(
      '无法连接工作台服务，请检查网络后刷新重试。',
    );
  });

  it('offers OpenID Connect only when the gateway gives an issuer and a client id', () => {
    expect(oidcOf({ devLogin: true })).toBeUndefined();
    expect(
      oidcOf({
        devLogin: false,
        oidc: { issuer: 'https://sso.test', clientId: 'c', scope: 'openid profile' },
      }),
    ).toEqual({ issuer: 'https://sso.test', clientId: 'c', scope: 'openid profile' });
    expect(
      oidcOf({
        devLogin: false,
        oidc: { issuer: 'https://sso.test', clientId: 'c', scope: '', audience: 'https://api' },
      }),
    ).toEqual({ issuer: 'https://sso.test', clientId: 'c', scope: 'openid', audience: 'https://api' });
  });
});
