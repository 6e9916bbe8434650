import { SignJWT } from 'jose';
import { ROLES, type Role } from '@union/platform';
import { matchRoute, ROUTE_TABLE } from '@union/gateway';
import { EMBEDDED_DEV_SECRETS } from '@union/runtime';
import type { EmbeddedPlatform } from './embedded-platform';
import {
  bearer,
  call,
  expectCall,
  newIdNumber,
  startQuietPlatform,
  TODAY,
} from './testing/platform-client.fixture';
import { buildWorld, claimBody, type Unit, type World } from './testing/platform-world.fixture';
import { EXPECTATIONS, expectedStatus } from './testing/route-expectations';

const keyOf = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const PROBLEM = 'application/problem+json';

/**
 * Issue 6's authorisation matrix on the real services (the embedded platform: the gateway and the
 * three services on PGlite): every route of the gateway's table × every role × a record of the
 * caller's own unit (u1) and of another unit (u2), each cell asserting the exact status API.md
 * gives it (route-expectations.ts). Cells expected to succeed act on a record of their own.
 */
describe('authorisation matrix through the gateway, on the real services', () => {
  let platform: EmbeddedPlatform;
  let world: World;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    platform = await startQuietPlatform();
    for (const role of ROLES) tokens[role] = await bearer(`${role}-u1`, [role], ['u1']);
    world = await buildWorld(platform);
  });
  afterAll(() => platform?.stop());

  it('has an expectation for every route of the table and no route the table lacks', () => {
    const routes = new Set(ROUTE_TABLE.map(keyOf));
    expect(ROUTE_TABLE.map(keyOf).filter((k) => !EXPECTATIONS[k])).toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((k) => !routes.has(k))).toEqual([]);
  });

  it.each(ROUTE_TABLE.map((r) => [keyOf(r), r] as const))('%s', async (key, route) => {
    const expectation = EXPECTATIONS[key];
    if (!expectation) throw new Error(`no expectation for route ${key}`);
    const wrong: string[] = [];
    for (const role of ROLES) {
      for (const unit of ['u1', 'u2'] as const) {
        const expected = expectedStatus(expectation, role, unit, route.method);
        const fresh = route.method !== 'GET' && expected === expectation.ok;
        const cell = await expectation.make(world, unit, fresh);
        expect(matchRoute(route.method, cell.path.split('?')[0])).toBe(route);
        const res = await call(platform.gatewayUrl, tokens[role], route.method, cell.path, cell.body);
        const name = `${role} on ${unit === 'u1' ? 'own' : 'other'} unit`;
        if (res.status !== expected)
          wrong.push(`${name}: ${res.status} (expected ${expected}) ${res.text.slice(0, 300)}`);
        else if (
          expected === 403 &&
          (res.body.code !== 'FORBIDDEN' || !res.headers.get('content-type')?.includes(PROBLEM))
        )
          wrong.push(`${name}: 403 without a FORBIDDEN problem: ${res.text}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lists show a caseworker or reviewer only their units, an auditor every unit', async () => {
    const lists: [string, (u: Unit) => string, string][] = [
      ['/api/v1/hardship/cases?pageSize=500', (u) => world.units[u].caseId, 'caseId'],
      ['/api/v1/hardship/referrals?pageSize=500', (u) => world.units[u].referralId, 'referralId'],
      ['/api/v1/grants/applications?pageSize=500', (u) => world.units[u].applicationId, 'applicationId'],
      ['/api/v1/medical-aid/claims?pageSize=500', (u) => world.units[u].claimId, 'claimId'],
    ];
    for (const [path, idOf, field] of lists) {
      for (const role of ['caseworker', 'reviewer', 'auditor'] as const) {
        const answer = await call(platform.gatewayUrl, tokens[role], 'GET', path);
        if (role === 'reviewer' && path.includes('referrals')) {
          expect(answer.status).toBe(403);
          continue;
        }
        const items = answer.body.items as Record<string, unknown>[];
        const ids = items.map((i) => i[field]);
        expect(ids).toContain(idOf('u1'));
        if (role === 'auditor') expect(ids).toContain(idOf('u2'));
        else {
          expect(ids).not.toContain(idOf('u2'));
          expect(new Set(items.map((i) => i.unitId))).toEqual(new Set(['u1']));
          expect(answer.body.total).toBe(items.length);
        }
      }
    }
  });

  it('refuses four eyes broken by one person holding both roles: 403 SAME_ACTOR', async () => {
    const url = platform.gatewayUrl;
    const both = await bearer('cr-1', ['caseworker', 'reviewer'], ['u1']);
    const caseId = await world.fresh.caseId('u1');
    const assistance = await expectCall(
      201,
      url,
      both,
      'POST',
      `/api/v1/hardship/cases/${caseId}/assistance`,
      {
        kind: 'cash',
        category: 'medical',
        amountFen: 600_000,
        fundId: world.units.u1.fundId,
        description: '住院慰问',
      },
    );
    const approveAssistance = await call(
      url,
      both,
      'POST',
      `/api/v1/hardship/cases/${caseId}/assistance/${String(assistance.assistanceId)}/approve`,
      {},
    );
    const application = await expectCall(201, url, both, 'POST', '/api/v1/grants/applications', {
      campaignId: world.campaignId,
      parentIdNumber: world.units.u1.parentIdNumber,
      consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
      unitId: 'u1',
      student: {
        idNumber: newIdNumber('20080101'),
        name: '李小红',
        level: 'undergraduate',
        school: '青海师范大学',
      },
    });
    const approveApplication = await call(
      url,
      both,
      'POST',
      `/api/v1/grants/applications/${String(application.applicationId)}/approve`,
      {},
    );
    const claim = await expectCall(
      201,
      url,
      both,
      'POST',
      '/api/v1/medical-aid/claims',
      claimBody(world.periodId, await world.fresh.member('u1')),
    );
    const approveClaim = await call(
      url,
      both,
      'POST',
      `/api/v1/medical-aid/claims/${String(claim.claimId)}/approve`,
      {},
    );
    for (const answer of [approveAssistance, approveApplication, approveClaim]) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'SAME_ACTOR', status: 403 });
    }
    // The submitter's own payment of a claim someone else approved is allowed (not a decision).
    await expectCall(
      200,
      url,
      tokens.reviewer,
      'POST',
      `/api/v1/medical-aid/claims/${String(claim.claimId)}/approve`,
      {},
    );
    await expectCall(200, url, both, 'POST', `/api/v1/medical-aid/claims/${String(claim.claimId)}/pay`, {
      paymentRef: 'BANK-1',
      paidOn: TODAY,
    });
  });

  it.each(ROUTE_TABLE.map((r) => [keyOf(r), r] as const))(
    '%s: 401 without a token, expired, wrongly signed, with an unknown role or no units claim',
    async (_key, route) => {
      const path = route.path.replace(/\{[A-Za-z]+\}/g, '11111111-1111-4111-8111-111111111111');
      // Signed with jose directly: signDevToken would refuse to build the odd claims tried here.
      const sign = async (
        claims: Record<string, unknown>,
        secret = EMBEDDED_DEV_SECRETS.jwtSecret,
        ttl = 600,
      ) => {
        const now = Math.floor(Date.now() / 1000);
        const jwt = new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuedAt(now)
          .setExpirationTime(now + ttl);
        return `Bearer ${await jwt.sign(new TextEncoder().encode(secret))}`;
      };
      const everyRole = { sub: 'x', roles: [...ROLES], units: ['*'] };
      const refused = [
        undefined,
        'Bearer not-a-jwt',
        await sign(everyRole, undefined, -60),
        await sign(everyRole, 'another-secret-0123456789abcdefghijklmnopqrstu'),
        await sign({ sub: 'x', roles: ['superuser'], units: ['*'] }),
        await sign({ sub: 'x', roles: ['admin'] }),
      ];
      for (const auth of refused) {
        const res = await call(
          platform.gatewayUrl,
          auth,
          route.method,
          path,
          route.method === 'GET' ? undefined : {},
        );
        expect([auth?.slice(0, 20), res.status, res.body.code]).toEqual([
          auth?.slice(0, 20),
          401,
          'UNAUTHENTICATED',
        ]);
        expect(res.headers.get('content-type')).toContain(PROBLEM);
      }
    },
  );
});
