import request from 'supertest';
import { applicationBody, openHardshipCase, person, today } from '../testing/grants-harness.fixture';
import { APPLICATIONS, startGrantsKit, type GrantsKit } from '../testing/grants-kit.fixture';

const PEOPLE = '/api/v1/grants/people';

interface Item {
  applicationId: string;
  as: string[];
  status: string;
  unitId: string;
}

describe("one person's grant records (GET /people/{idNumber})", () => {
  let k: GrantsKit;
  const p = person('parent', 601);
  const ids: Record<'paidThisYear' | 'paidLastYear' | 'approvedOnly' | 'asStudentElsewhere', string> = {
    paidThisYear: '',
    paidLastYear: '',
    approvedOnly: '',
    asStudentElsewhere: '',
  };

  beforeAll(async () => {
    k = await startGrantsKit();
    const campaignId = await k.openCampaign();
    for (const serial of [601, 602, 603]) await openHardshipCase(k.h.bus, serial);
    const cwU2 = await k.client('cw-2', ['caseworker'], ['u-2']);
    const submit = async (body: Record<string, unknown>, client = k.caseworker) =>
      ((await client.post(APPLICATIONS).send(body).expect(201)).body as { applicationId: string })
        .applicationId;
    const approve = (id: string) => k.reviewer.post(`${APPLICATIONS}/${id}/approve`).send({}).expect(200);
    const pay = (id: string, paidOn: string) =>
      k.reviewer
        .post(`${APPLICATIONS}/${id}/disburse`)
        .send({ paymentRef: `P-${id}`, paidOn })
        .expect(200);
    const year = Number(today().slice(0, 4));

    // P is the parent of three students of unit u-1 (500,000 fen each, undergraduate) ...
    ids.paidLastYear = await submit(applicationBody(campaignId, 601, 601));
    ids.paidThisYear = await submit(applicationBody(campaignId, 601, 602));
    ids.approvedOnly = await submit(applicationBody(campaignId, 601, 603));
    // ... and is themself the student (senior high, 200,000 fen) of parent 602 in unit u-2.
    ids.asStudentElsewhere = await submit(
      applicationBody(campaignId, 602, 0, {
        unitId: 'u-2',
        student: { idNumber: p.idNumber, name: '王建国', level: 'senior_high', school: '西宁一中' },
      }),
      cwU2,
    );
    // Someone else's application, never part of P's records.
    await submit(applicationBody(campaignId, 603, 604));

    for (const id of Object.values(ids)) await approve(id);
    await pay(ids.paidLastYear, `${year - 1}-12-31`);
    await pay(ids.paidThisYear, today());
    await pay(ids.asStudentElsewhere, `${year}-01-01`);
  });
  afterAll(() => k.close());

  it('shows an auditor every application where the person is parent or student, newest first, and what was paid this year', async () => {
    const auditor = await k.client('au-1', ['auditor'], ['u-elsewhere']);
    const res = await auditor.get(`${PEOPLE}/${p.idNumber}`).expect(200);
    expect(res.body.idNumberMasked).toBe(`${p.idNumber.slice(0, 6)}********${p.idNumber.slice(14)}`);
    const items = res.body.applications as Item[];
    expect(items.map((a) => [a.applicationId, a.as])).toEqual([
      [ids.asStudentElsewhere, ['student']],
      [ids.approvedOnly, ['parent']],
      [ids.paidThisYear, ['parent']],
      [ids.paidLastYear, ['parent']],
    ]);
    expect(items.map((a) => a.status)).toEqual(['disbursed', 'approved', 'disbursed', 'disbursed']);
    // 500,000 (parent, paid today) + 200,000 (student, paid on 1 January); last year's payment and
    // the approved-but-unpaid grant do not count.
    expect(res.body.receivedThisYearFen).toBe(700_000);

    // Each item is exactly what the applications list returns for it, plus `as`.
    const listed = await auditor.get(`${APPLICATIONS}?pageSize=100`).expect(200);
    for (const item of items) {
      const { as, ...rest } = item;
      expect(as.length).toBeGreaterThan(0);
      expect(rest).toEqual((listed.body.items as Item[]).find((a) => a.applicationId === item.applicationId));
    }
    expect(JSON.stringify(res.body)).not.toContain(p.idNumber);
    expect(JSON.stringify(res.body)).not.toContain(p.ref);
  });

  it("shows a caseworker only their units' applications, and sums only those", async () => {
    const res = await k.caseworker.get(`${PEOPLE}/${p.idNumber}`).expect(200);
    const items = res.body.applications as Item[];
    expect(items.map((a) => a.applicationId)).toEqual([ids.approvedOnly, ids.paidThisYear, ids.paidLastYear]);
    expect(items.every((a) => a.unitId === 'u-1')).toBe(true);
    expect(res.body.receivedThisYearFen).toBe(500_000);

    const cwU2 = await k.client('cw-2', ['caseworker'], ['u-2']);
    const other = await cwU2.get(`${PEOPLE}/${p.idNumber}`).expect(200);
    expect(other.body.applications.map((a: Item) => [a.applicationId, a.as])).toEqual([
      [ids.asStudentElsewhere, ['student']],
    ]);
    expect(other.body.receivedThisYearFen).toBe(200_000);

    // The list's rule: a reviewer holding only some units is scoped like a caseworker.
    const reviewerU2 = await k.client('rv-2', ['reviewer'], ['u-2']);
    expect((await reviewerU2.get(`${PEOPLE}/${p.idNumber}`).expect(200)).body.applications).toHaveLength(1);

    const everywhere = await k.client('cw-3', ['caseworker'], ['*']);
    expect((await everywhere.get(`${PEOPLE}/${p.idNumber}`).expect(200)).body.applications).toHaveLength(4);
    expect((await everywhere.get(`${PEOPLE}/${p.idNumber}`).expect(200)).body.receivedThisYearFen).toBe(
      700_000,
    );
    // As the gateway's person view: admins manage campaigns, they do not read people (issue 13).
    await k.admin.get(`${PEOPLE}/${p.idNumber}`).expect(403);
  });

  it('finds a student by their own number', async () => {
    const student = person('student', 602);
    const res = await k.reviewer.get(`${PEOPLE}/${student.idNumber}`).expect(200);
    expect(res.body.applications.map((a: Item) => [a.applicationId, a.as])).toEqual([
      [ids.paidThisYear, ['student']],
    ]);
    expect(res.body.receivedThisYearFen).toBe(500_000);
  });

  it('answers 200 with nothing for a person without records', async () => {
    const nobody = person('parent', 999);
    const res = await k.caseworker.get(`${PEOPLE}/${nobody.idNumber}`).expect(200);
    expect(res.body).toEqual({
      idNumberMasked: `${nobody.idNumber.slice(0, 6)}********${nobody.idNumber.slice(14)}`,
      applications: [],
      receivedThisYearFen: 0,
    });
  });

  it('refuses an invalid identity number with a 400 problem', async () => {
    const wrongCheck = p.idNumber.slice(0, 17) + (p.idNumber[17] === '1' ? '2' : '1');
    const res = await k.caseworker.get(`${PEOPLE}/${wrongCheck}`).expect(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'idNumber', message: expect.stringContaining('check character') }],
    });
    await k.caseworker.get(`${PEOPLE}/12345`).expect(400);
  });

  it('looks a person up by indexes on both person refs', async () => {
    const indexes: { indexdef: string }[] = await k.h.infra.dataSource.query(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'grant_application'`,
    );
    const defs = indexes.map((i) => i.indexdef);
    expect(defs).toContainEqual(expect.stringMatching(/\(parent_person_ref\)$/));
    expect(defs).toContainEqual(expect.stringMatching(/\(student_person_ref\)$/));
  });

  it('is not for anonymous callers', async () => {
    await request(k.h.http).get(`${PEOPLE}/${p.idNumber}`).expect(401);
  });
});
