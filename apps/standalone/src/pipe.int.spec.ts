import request from 'supertest';
import { idNumberWithCheckChar } from '@union/kernel';
import { signDevToken } from '@union/platform';
import { EMBEDDED_DEV_SECRETS } from '@union/runtime';
import { startEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform';

/**
 * The foundation's proof of the pipe, in `npm test`: through the gateway's HTTP route, opening a
 * hardship case appends HardshipCaseOpened, the relay publishes it on the in-process bus, and
 * both eligibility projections record the person and tier; closing the case removes it.
 */
describe('the pipe through every layer (embedded: PGlite + in-process bus)', () => {
  let platform: EmbeddedPlatform;
  let token: string;
  const idNumber = idNumberWithCheckChar('11010519800101123');

  beforeAll(async () => {
    platform = await startEmbeddedPlatform({ gatewayPort: 0, env: { LOG_LEVEL: 'silent' } });
    token = await signDevToken(
      EMBEDDED_DEV_SECRETS.jwtSecret,
      { sub: 'cw-1', roles: ['caseworker'], units: ['u-1'] },
      600,
    );
  });
  afterAll(() => platform.stop());

  const eligibility = async (prefix: string) =>
    (
      await request(platform.gatewayUrl)
        .get(`/api/v1/${prefix}/eligibility/${idNumber}`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as {
      hasOpenCase: boolean;
      tier: string | null;
    };

  /** Waits for what the bus delivers asynchronously, failing after a bound. */
  async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('opens a case, projects eligibility in both programmes, and removes it on closing', async () => {
    const opened = await request(platform.gatewayUrl)
      .post('/api/v1/hardship/cases')
      .auth(token, { type: 'bearer' })
      .send({
        person: { idNumber, name: '李梅' },
        unitId: 'u-1',
        regionCode: '110105',
        household: { size: 4, monthlyIncomeFen: 300000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      })
      .expect(201);
    expect(opened.body).toMatchObject({ status: 'open', tier: 'deep', version: 1 });
    expect(opened.headers.etag).toBe('"1"');

    const store = platform.services['hardship-cases'].infra.store;
    const [event] = await store.readStream(`case-${opened.body.caseId}`);
    expect(event).toMatchObject({ type: 'HardshipCaseOpened', metadata: { actor: 'cw-1' } });

    await eventually(
      async () => (await eligibility('grants')).hasOpenCase && (await eligibility('medical-aid')).hasOpenCase,
    );
    expect(await eligibility('grants')).toMatchObject({ hasOpenCase: true, tier: 'deep' });
    expect(await eligibility('medical-aid')).toMatchObject({ hasOpenCase: true, tier: 'deep' });

    await request(platform.gatewayUrl)
      .post(`/api/v1/hardship/cases/${opened.body.caseId}/close`)
      .auth(token, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send({ reason: 'moved_away' })
      .expect(200);
    await eventually(
      async () =>
        !(await eligibility('grants')).hasOpenCase && !(await eligibility('medical-aid')).hasOpenCase,
    );
    expect(await eligibility('grants')).toMatchObject({ hasOpenCase: false, tier: null });
  });

  it('answers a stale If-Match with 409 VERSION_CONFLICT and an unknown token with 401', async () => {
    const other = idNumberWithCheckChar('11010519800101124');
    const opened = await request(platform.gatewayUrl)
      .post('/api/v1/hardship/cases')
      .auth(token, { type: 'bearer' })
      .send({
        person: { idNumber: other, name: '张三' },
        unitId: 'u-1',
        regionCode: '110105',
        household: { size: 1, monthlyIncomeFen: 50000 },
        causes: ['disability'],
        channel: 'hotline_12351',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      })
      .expect(201);
    const stale = await request(platform.gatewayUrl)
      .post(`/api/v1/hardship/cases/${opened.body.caseId}/close`)
      .auth(token, { type: 'bearer' })
      .set('If-Match', '"7"')
      .send({ reason: 'other' })
      .expect(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    await request(platform.gatewayUrl)
      .get('/api/v1/hardship/cases')
      .auth('not-a-token', { type: 'bearer' })
      .expect(401);
  });
});
