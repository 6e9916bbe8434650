import request from 'supertest';
import { dlqTopic, TOPICS } from '@union/contracts';
import {
  HARDSHIP,
  idNumberOf,
  openCase,
  refOf,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

const uuid = (n: number) => `bad00000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Issue 14, item 3: every event this service consumes is read against its contract before it
 * touches state. A bad one changes no case history and files no referral, goes to
 * `<topic>.dlq` at once with every problem named, is counted, and consumption goes on.
 */
describe('events that break their contract (in-process bus)', () => {
  let h: HardshipHarness;
  let cw: Client;
  beforeAll(async () => {
    h = await startHardshipHarness();
    cw = await h.as('cw-1', ['caseworker'], ['u-1']);
  });
  afterAll(() => h.close());

  const history = async (caseId: string) =>
    (await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200)).body.externalAssistance as unknown[];
  const parked = (topic: string, eventId: string) =>
    h.bus.messages(dlqTopic(topic)).filter((m) => m.headers['event-id'] === eventId);
  const referralCount = async () =>
    Number((await h.infra.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM referral`))[0].n);

  it('records no grant of an unknown level or without its ids, parks it at once, and records the next', async () => {
    const caseId = await openCase(h, idNumberOf(21));
    const personRef = refOf(h, idNumberOf(21));
    const grant = {
      personRef,
      applicationId: uuid(1),
      campaignId: uuid(2),
      studentPersonRef: 'e'.repeat(64),
      level: 'senior_high',
      amountFen: 200_000,
      paidOn: '2025-08-20',
    };
    const before = await h.eventCount();
    const bad = await h.publish(TOPICS.educationGrants, 'GrantDisbursed', {
      ...grant,
      applicationId: undefined,
      level: 'doctorate',
    });
    expect(await h.eventCount()).toBe(before);
    expect(await history(caseId)).toEqual([]);
    const [letter, ...more] = parked(TOPICS.educationGrants, bad);
    expect(more).toEqual([]);
    expect(letter.headers).toMatchObject({
      'failure-kind': 'contract',
      attempts: '0',
      'failed-consumer': 'hardship-cases:external-assistance',
      error:
        'GrantDisbursed on education.grants.v1 breaks its contract: ' +
        'applicationId must be a lower-case UUID; got nothing (the field is missing); ' +
        'level must be one of primary, junior_high, senior_high, vocational, undergraduate, postgraduate; got "doctorate"',
    });
    await h.publish(TOPICS.educationGrants, 'GrantDisbursed', grant);
    expect(await history(caseId)).toHaveLength(1);
  });

  it('records no claim paying more than it cost, nor one of an unreadable value', async () => {
    const caseId = await openCase(h, idNumberOf(22));
    const personRef = refOf(h, idNumberOf(22));
    const claim = {
      personRef,
      claimId: uuid(3),
      periodId: uuid(4),
      unitId: 'u-1',
      outOfPocketFen: 100_000,
      payoutFen: 100_001,
      paidOn: '2025-05-06',
    };
    const overpaid = await h.publish(TOPICS.medicalAidClaims, 'ClaimPaid', claim);
    const aid = await h.publish(TOPICS.medicalAidClaims, 'SeriousIllnessAidGranted', {
      personRef,
      periodId: uuid(4),
      amountFen: -500,
      totalGrantedFen: 0,
    });
    expect(await history(caseId)).toEqual([]);
    expect(parked(TOPICS.medicalAidClaims, overpaid)[0].headers.error).toMatch(
      /payoutFen must not exceed outOfPocketFen$/,
    );
    expect(parked(TOPICS.medicalAidClaims, aid)[0].headers.error).toMatch(
      /amountFen must be a whole, non-negative number of fen; got a negative number$/,
    );
  });

  it('files no referral from a risk with bad claim ids or a runaway name', async () => {
    const before = await referralCount();
    const risk = await h.publish(TOPICS.medicalAidClaims, 'HardshipRiskDetected', {
      personRef: refOf(h, idNumberOf(23)),
      periodId: uuid(4),
      unitId: 'u-1',
      memberName: '李'.repeat(500),
      remainingBurdenFen: 3_500_000,
      claimIds: [uuid(5), 'claim-2'],
    });
    expect(await referralCount()).toBe(before);
    expect(parked(TOPICS.medicalAidClaims, risk)[0].headers).toMatchObject({
      'failed-consumer': 'hardship-cases:referrals',
      error: expect.stringContaining(
        'memberName must be non-blank text of at most 200 characters; got a string of 500 characters; ' +
          'claimIds must hold only lower-case UUIDs; not at [1]',
      ),
    });
  });

  it('counts what it parked, by consumer, topic and kind', async () => {
    const metrics = (await request(h.http).get('/metrics').expect(200)).text;
    expect(metrics).toContain(
      'integration_events_dead_lettered_total{consumer="hardship-cases:external-assistance",topic="education.grants.v1",kind="contract"} 1',
    );
    expect(metrics).toContain(
      'integration_events_dead_lettered_total{consumer="hardship-cases:external-assistance",topic="medical-aid.claims.v1",kind="contract"} 2',
    );
    expect(metrics).toContain(
      'integration_events_dead_lettered_total{consumer="hardship-cases:referrals",topic="medical-aid.claims.v1",kind="contract"} 1',
    );
  });
});
