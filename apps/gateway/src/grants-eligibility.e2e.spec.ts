import { idNumberWithCheckChar, chinaToday, addDays } from '@union/kernel';
import { signDevToken, type Role } from '@union/platform';
import { startCluster, type Cluster } from '@union/testing';

/**
 * Education grants learn eligibility only from hardship events on Kafka (issue 5, DOMAIN.md §2):
 * on real infrastructure, a case opened in hardship-cases makes the worker's child eligible, and
 * closing it puts the submitted application on hold.
 */
describe('grant eligibility from hardship events (four processes, real PostgreSQL and Kafka)', () => {
  let cluster: Cluster;
  const as = async (sub: string, roles: Role[]) =>
    signDevToken(cluster.jwtSecret, { sub, roles, units: ['u-g'] }, 600);

  beforeAll(async () => {
    cluster = await startCluster('grants');
  });
  afterAll(() => cluster?.stop());

  async function call(token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${cluster.gatewayUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`not reached in ${ms} ms: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  it('accepts the child once the case is known, and holds the application when the case closes', async () => {
    const caseworker = await as('cw-g', ['caseworker']);
    const admin = await as('admin-g', ['admin']);
    const today = chinaToday(new Date());
    const parent = idNumberWithCheckChar(`12010119800315${String(Date.now()).slice(-3)}`);
    const student = idNumberWithCheckChar(`12010120100901${String(Date.now()).slice(-3)}`);

    const campaign = await call(admin, 'POST', '/grants/campaigns', {
      year: Number(today.slice(0, 4)),
      name: '金秋助学 e2e',
      budgetFen: 10_000_000,
      opensOn: addDays(today, -1),
      closesOn: addDays(today, 30),
      schoolStartOn: addDays(today, 60),
      amountsByLevelFen: { senior_high: 200_000 },
    });
    expect(campaign.status).toBe(201);
    const application = {
      campaignId: campaign.body.campaignId,
      parentIdNumber: parent,
      consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
      unitId: 'u-g',
      student: { idNumber: student, name: '王小明', level: 'senior_high', school: '天津市第一中学' },
    };

    // Before any hardship case: not eligible.
    expect((await call(caseworker, 'POST', '/grants/applications', application)).body).toMatchObject({
      code: 'NOT_ELIGIBLE',
    });

    const opened = await call(caseworker, 'POST', '/hardship/cases', {
      person: { idNumber: parent, name: '王建国' },
      unitId: 'u-g',
      regionCode: '120101',
      household: { size: 3, monthlyIncomeFen: 210_000 },
      causes: ['illness'],
      channel: 'walk_in',
      consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
    });
    expect(opened.status).toBe(201);

    // The event travels hardship-cases -> Kafka -> education-grants; then the child is eligible.
    const submitted = await eventually(
      () => call(caseworker, 'POST', '/grants/applications', application),
      (r) => r.status === 201,
    );
    expect(submitted.body).toMatchObject({ status: 'submitted', amountFen: 200_000 });

    const closed = await call(caseworker, 'POST', `/hardship/cases/${String(opened.body.caseId)}/close`, {
      reason: 'moved_away',
    });
    expect(closed.status).toBe(200);
    const held = await eventually(
      () => call(caseworker, 'GET', `/grants/applications/${String(submitted.body.applicationId)}`),
      (r) => r.body.status === 'on_hold',
    );
    expect(held.body).toMatchObject({ status: 'on_hold' });
  });
});
