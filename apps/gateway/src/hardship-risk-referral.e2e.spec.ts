import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { signDevToken, type Role } from '@union/platform';
import { startCluster, type Cluster } from '@union/testing';

/**
 * 防止因病致困 on real infrastructure (issues 3 and 4): a paid medical claim leaves a burden above
 * the hardship-risk threshold, medical-aid publishes HardshipRiskDetected on Kafka, and the
 * hardship service turns it into a referral waiting in the caseworkers' inbox. Then (issue 7) a
 * caseworker opens a case from the referral, grants learns the eligibility over Kafka, and an
 * auditor traces the whole story by the payment request's correlation id through the gateway.
 */
describe('medical hardship risk becomes a hardship referral (four processes, real PostgreSQL and Kafka)', () => {
  let cluster: Cluster;
  const as = (sub: string, roles: Role[]) =>
    signDevToken(cluster.jwtSecret, { sub, roles, units: ['u-m'] }, 600);

  beforeAll(async () => {
    cluster = await startCluster('referral');
  });
  afterAll(() => cluster?.stop());

  async function call(token: string, method: string, path: string, body?: unknown, correlationId?: string) {
    const res = await fetch(`${cluster.gatewayUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown>,
      correlationId: res.headers.get('x-correlation-id') ?? '',
    };
  }

  // Shared by the audit test below, which continues the story this one starts. The gateway
  // assigns the story's correlation id: the one the client sends is only its reference.
  const story = { member: '', referralId: '', correlationId: '' };

  it('reports the risk once and files a pending referral with the member name', async () => {
    const [admin, caseworker, reviewer] = await Promise.all([
      as('admin-m', ['admin']),
      as('cw-m', ['caseworker']),
      as('rv-m', ['reviewer']),
    ]);
    const today = chinaToday(new Date());
    const member = idNumberWithCheckChar(`63010219850101${String(Date.now()).slice(-3)}`);
    const memberName = `马海燕${String(Date.now()).slice(-4)}`;

    const period = await call(admin, 'POST', '/medical-aid/periods', {
      name: '第3期 e2e',
      coverageStart: addDays(today, -60),
      coverageEnd: addDays(today, 300),
      enrollmentOpensOn: addDays(today, -60),
      enrollmentClosesOn: addDays(today, 30),
      rules: {
        inpatient: {
          deductibleFen: 100_000,
          bands: [
            { uptoFen: 5_000_000, ratioBp: 5000 },
            { uptoFen: null, ratioBp: 6000 },
          ],
        },
        seriousIllness: {
          bands: [
            { uptoFen: 4_000_000, ratioBp: 5000 },
            { uptoFen: null, ratioBp: 7000 },
          ],
        },
        hardshipRisk: { thresholdFen: 3_000_000 },
      },
    });
    expect(period.status).toBe(201);
    const periodId = String(period.body.periodId);
    const enrolled = await call(caseworker, 'POST', `/medical-aid/periods/${periodId}/enrollments`, {
      unitId: 'u-m',
      paymentRef: 'PAY-E2E-1',
      members: [{ idNumber: member, name: memberName, hasBasicMedicalInsurance: true }],
    });
    expect(enrolled.body).toMatchObject({ enrolled: 1 });

    // Worked example 2 of DOMAIN.md §3: payout 114,400 yuan; burden left 72,800 yuan after aid.
    const claim = await call(caseworker, 'POST', '/medical-aid/claims', {
      periodId,
      idNumber: member,
      hospital: '青海省人民医院',
      admittedOn: today,
      dischargedOn: today,
      diagnosisCode: 'C34.9',
      bill: {
        totalFen: 30_000_000,
        basicInsurancePaidFen: 10_000_000,
        seriousIllnessInsurancePaidFen: 0,
        medicalAssistancePaidFen: 0,
        employerPaidFen: 0,
        otherPaidFen: 0,
      },
    });
    expect(claim.body).toMatchObject({ quote: { payoutFen: 11_440_000 } });
    const claimId = String(claim.body.claimId);
    expect((await call(reviewer, 'POST', `/medical-aid/claims/${claimId}/approve`, {})).status).toBe(200);
    const paid = await call(
      caseworker,
      'POST',
      `/medical-aid/claims/${claimId}/pay`,
      { paymentRef: 'BANK-E2E-1', paidOn: today },
      `e2e-claim-story-${Date.now()}`,
    );
    expect(paid.status).toBe(200);
    story.correlationId = paid.correlationId;
    expect(story.correlationId).not.toMatch(/^e2e-claim-story-/);

    const deadline = Date.now() + 30_000;
    let referral: Record<string, unknown> | undefined;
    while (!referral && Date.now() < deadline) {
      const list = await call(caseworker, 'GET', '/hardship/referrals?status=pending&pageSize=500');
      referral = (list.body.items as Record<string, unknown>[] | undefined)?.find(
        (r) => r.memberName === memberName,
      );
      if (!referral) await new Promise((r) => setTimeout(r, 200));
    }
    expect(referral).toMatchObject({
      status: 'pending',
      unitId: 'u-m',
      memberName,
      remainingBurdenFen: 7_280_000,
    });
    Object.assign(story, { member, referralId: String(referral?.referralId) });
  });

  it('traces claim paid -> risk -> referral -> case opened across services, and shows the person timeline', async () => {
    expect(story.referralId).not.toBe('');
    const [caseworker, auditor] = await Promise.all([as('cw-m', ['caseworker']), as('au-m', ['auditor'])]);
    const opened = await call(caseworker, 'POST', '/hardship/cases', {
      person: { idNumber: story.member, name: '马海燕' },
      unitId: 'u-m',
      regionCode: '630100',
      household: { size: 3, monthlyIncomeFen: 120_000 },
      causes: ['illness'],
      channel: 'referral',
      consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      referralId: story.referralId,
    });
    expect(opened.status).toBe(201);
    const caseId = String(opened.body.caseId);
    const deadline = Date.now() + 30_000;
    let eligibility: Record<string, unknown> = {};
    while (eligibility.hasOpenCase !== true && Date.now() < deadline) {
      eligibility = (await call(caseworker, 'GET', `/grants/eligibility/${story.member}`)).body;
      if (eligibility.hasOpenCase !== true) await new Promise((r) => setTimeout(r, 200));
    }
    // The caseworker learns eligibility and tier; the case's id only an auditor (issue 13).
    expect(eligibility).toMatchObject({ hasOpenCase: true, tier: opened.body.tier });
    expect(eligibility).not.toHaveProperty('caseId');
    expect((await call(auditor, 'GET', `/grants/eligibility/${story.member}`)).body).toMatchObject({
      caseId,
    });

    type Event = {
      service: string;
      type: string;
      streamId: string;
      eventId: string;
      recordedAt: string;
      metadata: Record<string, unknown>;
    };
    const trace = await call(auditor, 'GET', `/audit/trace/${story.correlationId}`);
    expect(trace.status).toBe(200);
    const events = trace.body.events as Event[];
    const find = (service: string, type: string, prefix: string) => {
      const i = events.findIndex(
        (e) => e.service === service && e.type === type && e.streamId.startsWith(prefix),
      );
      expect(i).toBeGreaterThanOrEqual(0);
      return { i, event: events[i] };
    };
    const claimPaid = find('medical-aid', 'ClaimPaid', 'claim-');
    const risk = find('medical-aid', 'HardshipRiskDetected', 'member-');
    const received = find('hardship-cases', 'ReferralReceived', `referral-${story.referralId}`);
    const caseOpened = find('hardship-cases', 'HardshipCaseOpened', `case-${caseId}`);
    // In time order, and each link caused by the one before it across the services.
    expect(received.i).toBeGreaterThan(Math.max(claimPaid.i, risk.i));
    expect(caseOpened.i).toBeGreaterThan(received.i);
    expect(events.map((e) => Date.parse(e.recordedAt))).toEqual(
      events.map((e) => Date.parse(e.recordedAt)).sort((a, b) => a - b),
    );
    expect(received.event.metadata).toMatchObject({
      actor: 'system:medical-aid',
      causationId: risk.event.eventId,
    });
    expect(caseOpened.event.metadata).toMatchObject({ actor: 'cw-m', causationId: received.event.eventId });
    expect(new Set(events.map((e) => e.service))).toEqual(new Set(['medical-aid', 'hardship-cases']));

    const timeline = await call(auditor, 'GET', `/audit/people/${story.member}/timeline`);
    expect(timeline.status).toBe(200);
    const mine = timeline.body.events as Event[];
    expect(mine.map((e) => `${e.service}:${e.type}`)).toEqual(
      expect.arrayContaining([
        'medical-aid:ClaimPaid',
        'medical-aid:HardshipRiskDetected',
        'hardship-cases:ReferralReceived',
        'hardship-cases:HardshipCaseOpened',
      ]),
    );
    expect(JSON.stringify(timeline.body)).not.toContain(story.member);
    expect((await call(caseworker, 'GET', `/audit/trace/${story.correlationId}`)).status).toBe(403);
  });
});
