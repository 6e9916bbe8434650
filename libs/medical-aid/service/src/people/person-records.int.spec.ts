import request from 'supertest';
import type { ServiceHarness } from '@union/testing';
import {
  act,
  actors,
  API,
  bill,
  enroll,
  idNumber,
  openPeriod,
  startMedicalAid,
  submitClaim,
  TODAY,
} from '../testing/medical-aid.harness';

type PersonBody = {
  idNumberMasked: string;
  memberships: { periodId: string; unitId: string }[];
  claims: { claimId: string; unitId: string; status: string }[];
  receivedThisYearFen: number;
};

/** `GET /people/{idNumber}`: one person's memberships, claims and money received this year. */
describe('medical-aid person records (HTTP)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let first: string;
  let second: string;
  let bigClaim: string;
  let otherUnitClaim: string;
  let pendingClaim: string;
  const person = idNumber(1);

  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
    first = await openPeriod(h);
    second = await openPeriod(h, { name: '2026年度第4期' });
    await enroll(h, first, [person, idNumber(2)], 'unit-1');
    await enroll(h, second, [person], 'unit-2');
    const claimId = (res: { body: unknown }) => (res.body as { claimId: string }).claimId;
    // Worked example 2: payout 11,440,000; burden 8,560,000 -> serious-illness aid 1,280,000.
    bigClaim = claimId(await submitClaim(h, first, person, '青海大学附属医院', bill(30_000_000, 10_000_000)));
    // Worked example 1: payout 2,000,000; burden 2,100,000, under the aid threshold.
    otherUnitClaim = claimId(
      await submitClaim(h, second, person, '青海省人民医院', bill(6_200_000, 2_100_000)),
    );
    pendingClaim = claimId(
      await submitClaim(h, first, person, '西宁市第一人民医院', bill(6_200_000, 2_100_000)),
    );
    for (const id of [bigClaim, otherUnitClaim]) {
      await act(h, id, 'approve', await as.reviewer(), {});
      await act(h, id, 'pay', await as.caseworker(), { paymentRef: `BANK-${id}`, paidOn: TODAY });
    }
  });
  afterAll(() => h.close());

  const records = async (id: string, auth: string, status = 200) =>
    request(h.http).get(`${API}/people/${id}`).set('Authorization', auth).expect(status);

  it('shows an auditor every record, shaped as the member and claim routes, newest first', async () => {
    const auth = await as.auditor();
    const body = (await records(person, auth)).body as PersonBody;
    expect(body.idNumberMasked).toBe(`${person.slice(0, 6)}********${person.slice(14)}`);
    expect(JSON.stringify(body)).not.toContain(person);
    expect(body.memberships.map((m) => m.periodId)).toEqual([second, first]);
    for (const m of body.memberships) {
      const member = await request(h.http)
        .get(`${API}/periods/${m.periodId}/members/${person}`)
        .set('Authorization', auth)
        .expect(200);
      expect(m).toEqual(member.body);
    }
    expect(body.claims.map((c) => c.claimId)).toEqual([pendingClaim, otherUnitClaim, bigClaim]);
    for (const c of body.claims) {
      const claim = await request(h.http)
        .get(`${API}/claims/${c.claimId}`)
        .set('Authorization', auth)
        .expect(200);
      expect(c).toEqual(claim.body);
    }
    // Both payouts and the aid the big claim's payment granted; the submitted claim is not paid.
    expect(body.receivedThisYearFen).toBe(11_440_000 + 1_280_000 + 2_000_000);
    const auditor = (await records(person, await as.auditor())).body as PersonBody;
    expect(auditor.claims).toHaveLength(3);
    // As the gateway's person view: admins manage periods, they do not read people (issue 13).
    await records(person, await as.admin(), 403);
  });

  it("shows a caseworker their units' records and leaves the other unit's out", async () => {
    const body = (await records(person, await as.caseworker(['unit-1'], 'cw-9'))).body as PersonBody;
    expect(body.memberships).toMatchObject([{ periodId: first, unitId: 'unit-1' }]);
    expect(body.claims.map((c) => c.claimId)).toEqual([pendingClaim, bigClaim]);
    expect(body.receivedThisYearFen).toBe(11_440_000 + 1_280_000);

    const elsewhere = (await records(person, await as.caseworker(['unit-3'], 'cw-8'))).body as PersonBody;
    expect(elsewhere).toMatchObject({ memberships: [], claims: [], receivedThisYearFen: 0 });
  });

  it('answers 200 with nothing for a person with no records', async () => {
    const body = (await records(idNumber(99), await as.auditor())).body as PersonBody;
    expect(body).toEqual({
      idNumberMasked: `${idNumber(99).slice(0, 6)}********${idNumber(99).slice(14)}`,
      memberships: [],
      claims: [],
      receivedThisYearFen: 0,
    });
    const enrolledOnly = (await records(idNumber(2), await as.auditor())).body as PersonBody;
    expect(enrolledOnly).toMatchObject({
      memberships: [{ periodId: first }],
      claims: [],
      receivedThisYearFen: 0,
    });
  });

  it('refuses an invalid identity number with a 400 problem', async () => {
    const wrongCheck = `${person.slice(0, 17)}${person.endsWith('0') ? '1' : '0'}`;
    const res = await records(wrongCheck, await as.auditor(), 400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'idNumber' }] });
  });
});
