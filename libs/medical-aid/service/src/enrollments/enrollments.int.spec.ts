import request from 'supertest';
import { verifyLog } from '@union/event-store';
import { addDays } from '@union/kernel';
import type { ServiceHarness } from '@union/testing';
import {
  actors,
  API,
  enroll,
  eventCount,
  hardshipCaseOpened,
  idNumber,
  openPeriod,
  refOf,
  startMedicalAid,
  TODAY,
} from '../testing/medical-aid.harness';

describe('medical-aid enrollment by unit (HTTP)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let periodId: string;

  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
    periodId = await openPeriod(h);
  });
  afterAll(() => h.close());

  const post = async (body: object, status: number, auth?: string) =>
    request(h.http)
      .post(`${API}/periods/${periodId}/enrollments`)
      .set('Authorization', auth ?? (await as.caseworker(['unit-1'])))
      .send(body)
      .expect(status);

  it('enrolls the valid rows, rejects the others one by one, and counts duplicates inside the request', async () => {
    const bad = idNumber(100).slice(0, 17) + (idNumber(100).endsWith('0') ? '1' : '0');
    const members = [
      { idNumber: idNumber(101), name: '马海燕', hasBasicMedicalInsurance: true },
      { idNumber: bad, name: '李四', hasBasicMedicalInsurance: true },
      { idNumber: idNumber(102), name: '  ', hasBasicMedicalInsurance: true },
      { idNumber: idNumber(103), name: '王五', hasBasicMedicalInsurance: false },
      { idNumber: idNumber(101).toLowerCase(), name: '马海燕', hasBasicMedicalInsurance: true },
      { idNumber: idNumber(104), name: '赵六', hasBasicMedicalInsurance: true },
    ];
    const res = await post({ unitId: 'unit-1', paymentRef: 'PAY-1', members }, 200);
    expect(res.body).toEqual({
      enrolled: 2,
      duplicates: 1,
      waived: 0,
      duplicateIndexes: [4],
      waivedIndexes: [],
      rejected: [
        { index: 1, code: 'INVALID_ID_NUMBER', message: expect.stringContaining('check character') },
        { index: 2, code: 'NAME_REQUIRED', message: 'The member needs a name.' },
        {
          index: 3,
          code: 'NO_BASIC_MEDICAL_INSURANCE',
          message: expect.stringContaining('basic medical insurance'),
        },
      ],
    });
    const member = await request(h.http)
      .get(`${API}/periods/${periodId}/members/${idNumber(101)}`)
      .set('Authorization', await as.caseworker(['unit-1']))
      .expect(200);
    expect(member.headers.etag).toBe('"1"');
    expect(member.body).toMatchObject({
      periodId,
      version: 1,
      member: { idNumberMasked: `630102********${idNumber(101).slice(14)}`, name: '马海燕' },
      unitId: 'unit-1',
      enrolledOn: TODAY,
      contributionFen: 10_000,
      waived: false,
      claims: [],
      totals: {
        outOfPocketFen: 0,
        payoutsFen: 0,
        burdenFen: 0,
        seriousIllnessAidFen: 0,
        remainingBurdenFen: 0,
        hardshipRiskReported: false,
      },
    });
    const [event] = await h.infra.store.readStream(`member-${periodId}-${refOf(idNumber(101))}`);
    expect(event).toMatchObject({
      type: 'MemberEnrolled',
      version: 1,
      personRef: refOf(idNumber(101)),
      metadata: { actor: 'cw-1' },
    });
    expect(JSON.stringify(event.data)).not.toContain(idNumber(101));
  });

  it('changes nothing when the same request comes again: everyone is a duplicate', async () => {
    const ids = [idNumber(201), idNumber(202), idNumber(203)];
    expect((await enroll(h, periodId, ids)).body).toMatchObject({ enrolled: 3, duplicates: 0 });
    const before = await eventCount(h);
    expect((await enroll(h, periodId, ids)).body).toEqual({
      enrolled: 0,
      duplicates: 3,
      waived: 0,
      rejected: [],
      duplicateIndexes: [0, 1, 2],
      waivedIndexes: [],
    });
    expect(await eventCount(h)).toBe(before);
  });

  it('enrolls each person once when two identical requests race', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => idNumber(600 + i));
    const [a, b] = await Promise.all([
      enroll(h, periodId, ids, 'unit-2'),
      enroll(h, periodId, ids, 'unit-2'),
    ]);
    const bodies = [a.body, b.body] as { enrolled: number; duplicates: number; duplicateIndexes: number[] }[];
    expect(bodies.map((x) => x.enrolled + x.duplicates)).toEqual([300, 300]);
    expect(bodies[0].enrolled + bodies[1].enrolled).toBe(300);
    // Each row is a duplicate in exactly one answer: the one whose request lost it.
    const lost = [...bodies[0].duplicateIndexes, ...bodies[1].duplicateIndexes].sort((x, y) => x - y);
    expect(lost).toEqual(ids.map((_, i) => i));
    const [row]: { n: string }[] = await h.infra.dataSource.query(
      `SELECT count(*) AS n FROM membership_summary WHERE unit_id = 'unit-2'`,
    );
    expect(Number(row.n)).toBe(300);
  });

  it('enrolls members of a waived hardship tier with the contribution paid by the fund', async () => {
    await hardshipCaseOpened(h, idNumber(401), 'deep');
    await hardshipCaseOpened(h, idNumber(402), 'relative');
    const res = await enroll(h, periodId, [idNumber(402), idNumber(401)], 'unit-3');
    expect(res.body).toEqual({
      enrolled: 2,
      duplicates: 0,
      waived: 1,
      rejected: [],
      duplicateIndexes: [],
      waivedIndexes: [1],
    });
    const auth = await as.caseworker(['unit-3']);
    const deep = await request(h.http)
      .get(`${API}/periods/${periodId}/members/${idNumber(401)}`)
      .set('Authorization', auth)
      .expect(200);
    expect(deep.body).toMatchObject({ waived: true, contributionFen: 0 });
    const relative = await request(h.http)
      .get(`${API}/periods/${periodId}/members/${idNumber(402)}`)
      .set('Authorization', auth)
      .expect(200);
    expect(relative.body).toMatchObject({ waived: false, contributionFen: 10_000 });
  });

  it('keeps the hash chain valid across batch enrollments', async () => {
    expect(await verifyLog(h.infra.dataSource)).toMatchObject({ valid: true });
  });

  it('refuses outside the enrollment window, for another unit, and too many or no rows, storing nothing', async () => {
    const before = await eventCount(h);
    const closed = await openPeriod(h, {
      enrollmentOpensOn: addDays(TODAY, -30),
      enrollmentClosesOn: addDays(TODAY, -1),
    });
    const member = { idNumber: idNumber(501), name: '甲', hasBasicMedicalInsurance: true };
    const late = await request(h.http)
      .post(`${API}/periods/${closed}/enrollments`)
      .set('Authorization', await as.caseworker(['unit-1']))
      .send({ unitId: 'unit-1', paymentRef: 'P', members: [member] })
      .expect(422);
    expect(late.body).toMatchObject({ code: 'RULE_VIOLATION', enrollmentClosesOn: addDays(TODAY, -1) });
    const forbidden = await post({ unitId: 'unit-9', paymentRef: 'P', members: [member] }, 403);
    expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN' });
    const tooMany = Array.from({ length: 10_001 }, () => member);
    const big = await post({ unitId: 'unit-1', paymentRef: 'P', members: tooMany }, 400);
    expect(big.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'members' }] });
    await post({ unitId: 'unit-1', paymentRef: 'P', members: [] }, 400);
    await post({ unitId: 'unit-1', paymentRef: 'P', members: [{ ...member, age: 3 }] }, 400);
    await post({ unitId: 'unit-1', paymentRef: 'P', members: [member] }, 403, await as.reviewer());
    await request(h.http)
      .post(`${API}/periods/7d0f5a52-0000-4000-8000-000000000009/enrollments`)
      .set('Authorization', await as.caseworker())
      .send({ unitId: 'unit-1', paymentRef: 'P', members: [member] })
      .expect(404);
    expect((await eventCount(h)) - before).toBe(1); // only the closed period's PeriodOpened
  });

  it('answers membership reads by unit scope, 404 when not enrolled and 400 for a bad number', async () => {
    const url = `${API}/periods/${periodId}/members/${idNumber(101)}`;
    // Another unit's member and a person never enrolled get the same 404: a lookup by identity
    // number must not tell a caseworker that the person is enrolled elsewhere (issue 13).
    const otherUnit = await request(h.http)
      .get(url)
      .set('Authorization', await as.caseworker(['unit-9']))
      .expect(404);
    const nobody = await request(h.http)
      .get(`${API}/periods/${periodId}/members/${idNumber(998)}`)
      .set('Authorization', await as.caseworker(['unit-9']))
      .expect(404);
    expect(otherUnit.body).toEqual(nobody.body);
    expect(otherUnit.headers.etag).toBeUndefined();
    await request(h.http)
      .get(url)
      .set('Authorization', await as.caseworker(['unit-1']))
      .expect(200);
    await request(h.http)
      .get(url)
      .set('Authorization', await as.auditor())
      .expect(200);
    await request(h.http)
      .get(`${API}/periods/${periodId}/members/${idNumber(999)}`)
      .set('Authorization', await as.auditor())
      .expect(404);
    await request(h.http)
      .get(`${API}/periods/${periodId}/members/123`)
      .set('Authorization', await as.auditor())
      .expect(400);
  });
});
