import { chinaToday, maskIdNumber } from '@union/kernel';
import {
  HARDSHIP,
  createFund,
  growTree,
  idNumberOf,
  openCase,
  openCaseBody,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

// Four eyes from 1,000 yuan; a cap high enough not to get in the way.
const ENV = { HARDSHIP_APPROVAL_THRESHOLD_FEN: '100000', HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: '2000000' };

let fundId = '';
const assistance = (amountFen: number, category = 'living') => ({
  kind: 'cash',
  category,
  amountFen,
  fundId,
  description: '生活救助金',
});

interface PersonBody {
  idNumberMasked: string;
  cases: { caseId: string; unitId: string }[];
  assistance: { assistanceId: string; caseId: string; status: string; amountFen: number }[];
  receivedThisYearFen: number;
}

describe('GET /people/{idNumber}: one person in this programme (HTTP)', () => {
  const person = idNumberOf(501);
  const url = `${HARDSHIP}/people/${person}`;
  let h: HardshipHarness;
  let cw1: Client;
  let cw2: Client;
  let reviewer: Client;
  let caseU1: string;
  let caseU2: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHardshipHarness(ENV);
    await growTree(h, [
      ['prov', ''],
      ['u-1', 'prov'],
      ['u-2', 'prov'],
    ]);
    fundId = await createFund(h, { holderOrgId: 'prov' });
    cw1 = await h.as('cw-1', ['caseworker'], ['u-1']);
    cw2 = await h.as('cw-2', ['caseworker'], ['u-2']);
    reviewer = await h.as('rv-1', ['reviewer'], ['*']);
    const record = async (client: Client, caseId: string, amountFen: number): Promise<string> => {
      const res = await client
        .post(`${HARDSHIP}/cases/${caseId}/assistance`)
        .send(assistance(amountFen))
        .expect(201);
      return (res.body as { assistanceId: string }).assistanceId;
    };
    // First a case in u-1: paid at once, paid on approval, still pending, rejected; then closed.
    caseU1 = await openCase(h, person);
    ids.paidAtOnce = await record(cw1, caseU1, 30_001);
    ids.approved = await record(cw1, caseU1, 120_000);
    ids.pending = await record(cw1, caseU1, 150_000);
    ids.rejected = await record(cw1, caseU1, 110_000);
    const one = `${HARDSHIP}/cases/${caseU1}/assistance`;
    await reviewer.post(`${one}/${ids.approved}/approve`).send({}).expect(200);
    await reviewer.post(`${one}/${ids.rejected}/reject`).send({ reason: '重复申请' }).expect(200);
    await cw1.post(`${HARDSHIP}/cases/${caseU1}/close`).send({ reason: 'moved_away' }).expect(200);
    // Then the family moved: a new case in u-2, paid at once.
    const opened = await cw2
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(person, { unitId: 'u-2' }))
      .expect(201);
    caseU2 = (opened.body as { caseId: string }).caseId;
    ids.otherUnit = await record(cw2, caseU2, 20_000);
  });
  afterAll(() => h.close());

  it('shows a caseworker the cases and assistance of their units only, in the case list shape', async () => {
    const res = await cw1.get(url).expect(200);
    const body = res.body as PersonBody;
    expect(body.idNumberMasked).toBe(maskIdNumber(person));
    expect(body.cases.map((c) => c.caseId)).toEqual([caseU1]);
    const list = await cw1.get(`${HARDSHIP}/cases?unitId=u-1`).expect(200);
    const listed = (list.body as { items: { caseId: string }[] }).items.find((c) => c.caseId === caseU1);
    expect(body.cases[0]).toEqual(listed);
    expect(body.assistance.map((a) => a.assistanceId).sort()).toEqual(
      [ids.paidAtOnce, ids.approved, ids.pending, ids.rejected].sort(),
    );
    expect(body.assistance.find((a) => a.assistanceId === ids.approved)).toEqual({
      assistanceId: ids.approved,
      caseId: caseU1,
      category: 'living',
      fundId,
      amountFen: 120_000,
      status: 'disbursed',
      recordedOn: chinaToday(new Date()),
    });
    expect(Object.fromEntries(body.assistance.map((a) => [a.assistanceId, a.status]))).toEqual({
      [ids.paidAtOnce]: 'disbursed',
      [ids.approved]: 'disbursed',
      [ids.pending]: 'pending_approval',
      [ids.rejected]: 'rejected',
    });
    // Only what was disbursed: not the pending request, not the rejected one.
    expect(body.receivedThisYearFen).toBe(30_001 + 120_000);
    expect(JSON.stringify(body)).not.toContain(person);

    const other = (await cw2.get(url).expect(200)).body as PersonBody;
    expect(other.cases.map((c) => c.caseId)).toEqual([caseU2]);
    expect(other.assistance.map((a) => a.assistanceId)).toEqual([ids.otherUnit]);
    expect(other.receivedThisYearFen).toBe(20_000);
  });

  it('shows an auditor (and a caseworker of every unit) everything, newest case first; not an admin', async () => {
    // As the gateway's person view: admins manage policies, they do not read people (issue 13).
    await (await h.as('ad-1', ['admin'], ['*'])).get(url).expect(403);
    const clients = [await h.as('au-1', ['auditor'], ['u-9']), await h.as('cw-3', ['caseworker'], ['*'])];
    for (const client of clients) {
      const body = (await client.get(url).expect(200)).body as PersonBody;
      expect(body.cases.map((c) => [c.caseId, c.unitId])).toEqual([
        [caseU2, 'u-2'],
        [caseU1, 'u-1'],
      ]);
      expect(body.assistance).toHaveLength(5);
      expect(body.receivedThisYearFen).toBe(30_001 + 120_000 + 20_000);
    }
  });

  it('answers 200 with empty lists and 0 for a person without records', async () => {
    const unknown = idNumberOf(502);
    const res = await cw1.get(`${HARDSHIP}/people/${unknown}`).expect(200);
    expect(res.body).toEqual({
      idNumberMasked: maskIdNumber(unknown),
      cases: [],
      assistance: [],
      receivedThisYearFen: 0,
    });
  });

  it('refuses an invalid identity number with 400 problem+json VALIDATION_FAILED', async () => {
    const last = person.slice(-1);
    const wrongCheck = person.slice(0, 17) + (last === '0' ? '1' : '0');
    for (const bad of [wrongCheck, '12345', person.slice(0, 17) + 'Y']) {
      const res = await cw1.get(`${HARDSHIP}/people/${bad}`).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'idNumber' }] });
    }
  });
});
