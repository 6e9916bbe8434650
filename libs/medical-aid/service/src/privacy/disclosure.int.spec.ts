import request from 'supertest';
import { Disclosure, PersonIdentities } from '@union/runtime';
import type { ServiceHarness } from '@union/testing';
import { API, bill, idNumber, openPeriod, refOf, startMedicalAid, submitClaim, TODAY } from '../testing/medical-aid.harness';

/**
 * Minimum disclosure and purpose on sensitive reads in medical aid (DOMAIN.md §5; issue 18): the
 * diagnosis and the full identity number only with a stated purpose, recorded in the access log
 * with who and why; names in full to the record's unit and auditors, `王*国` to anyone else.
 */
describe('what a claim or a membership discloses, and to whom (PGlite, HTTP)', () => {
  let h: ServiceHarness;
  let periodId: string;
  let claimId: string;
  const member = idNumber(81);
  const as = async (sub: string, roles: string[], units: string[]) =>
    `Bearer ${await h.token(sub, roles as never, units)}`;
  const log = async () =>
    h.infra.dataSource.query<{ actor: string; purpose: string | null; subject: string | null; path: string }[]>(
      `SELECT actor, purpose, subject, path FROM audit_access_log ORDER BY id`,
    );

  beforeAll(async () => {
    h = await startMedicalAid();
    periodId = await openPeriod(h);
    await request(h.http)
      .post(`${API}/periods/${periodId}/enrollments`)
      .set('Authorization', await as('cw-1', ['caseworker'], ['unit-1']))
      .send({
        unitId: 'unit-1',
        paymentRef: 'PAY-1',
        members: [{ idNumber: member, name: '王建国', hasBasicMedicalInsurance: true }],
      })
      .expect(200);
    const claim = await submitClaim(h, periodId, member, '青海省人民医院', bill(3_000_000, 1_000_000));
    claimId = (claim.body as { claimId: string }).claimId;
  });
  afterAll(() => h.close());

  it('withholds the diagnosis and the full number without a purpose, and records nothing for the unit', async () => {
    const before = (await log()).length;
    const res = await request(h.http)
      .get(`${API}/claims/${claimId}`)
      .set('Authorization', await as('cw-1', ['caseworker'], ['unit-1']))
      .expect(200);
    expect(res.body).toMatchObject({ member: { name: '王建国', idNumberMasked: `630102********${member.slice(-4)}` } });
    expect(res.body.diagnosisCode).toBeNull();
    expect(res.body.member).not.toHaveProperty('idNumber');
    expect(JSON.stringify(res.body)).not.toContain(member);
    expect(await log()).toHaveLength(before);
  });

  it('reveals both with a purpose, and records who, what, when and why', async () => {
    const res = await request(h.http)
      .get(`${API}/claims/${claimId}`)
      .query({ purpose: '  核对医院票据与身份  ' })
      .set('Authorization', await as('cw-1', ['caseworker'], ['unit-1']))
      .expect(200);
    expect(res.body).toMatchObject({ diagnosisCode: 'C34.9', member: { name: '王建国', idNumber: member } });
    const last = (await log()).at(-1);
    expect(last).toEqual({
      actor: 'cw-1',
      purpose: '核对医院票据与身份',
      subject: claimId,
      path: `${API}/claims/${claimId}`,
    });
    const listed = await request(h.http)
      .get('/api/v1/audit/access-log')
      .query({ actor: 'cw-1' })
      .set('Authorization', await as('au-1', ['auditor'], ['u-elsewhere']))
      .expect(200);
    expect(listed.body.items[0]).toMatchObject({ actor: 'cw-1', purpose: '核对医院票据与身份', subject: claimId });
  });

  it.each([
    ['too short', '核实'],
    ['too long', '办'.repeat(201)],
    ['a line break', '核实\n身份信息'],
  ])('refuses a purpose that is %s with VALIDATION_FAILED, recording nothing', async (_, purpose) => {
    const before = (await log()).length;
    const res = await request(h.http)
      .get(`${API}/claims/${claimId}`)
      .query({ purpose })
      .set('Authorization', await as('cw-1', ['caseworker'], ['unit-1']))
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'purpose' }] });
    expect(await log()).toHaveLength(before);
  });

  it('masks names for a reader who may read but not act for the unit, and refuses them the number', async () => {
    // No route of today's role table lets anyone read a record they do not act for, auditors
    // aside: the mask is the rule every read answer goes through (here asked directly, on the
    // service's own tree), so a reader who reads beyond their units never sees a full name.
    const disclosure = new Disclosure(h.infra.dataSource, new PersonIdentities(h.infra));
    const admin = { roles: ['admin' as const], units: ['unit-9'] };
    const names = await disclosure.names(admin, ['unit-1', 'unit-9']);
    expect(names.name('unit-1', '王建国')).toBe('王*国');
    expect(names.name('unit-9', '王建国')).toBe('王建国');
    await expect(disclosure.revealNumbers(admin, 'unit-1', [refOf(member)])).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const own = await disclosure.revealNumbers({ roles: ['caseworker'], units: ['unit-1'] }, 'unit-1', [refOf(member)]);
    expect(own.get(refOf(member))).toBe(member);
    // The number is kept sealed with the member's key, never in the clear.
    const [row] = await h.infra.dataSource.query<{ id_number: string }[]>(
      `SELECT id_number FROM person_identities WHERE person_ref = $1`,
      [refOf(member)],
    );
    expect(row.id_number.startsWith('pd1.')).toBe(true);
    expect(row.id_number).not.toContain(member);
  });

  it('shows the full name to a reviewer above the unit in the tree and to an auditor', async () => {
    await h.infra.dataSource.query(
      `INSERT INTO org_units (org_id, parent_id, path, name, level, region_code, status)
       VALUES ('city-1', '', ARRAY['city-1'], '市总工会', 'city', '630100', 'active'),
              ('unit-1', 'city-1', ARRAY['city-1','unit-1'], '基层工会', 'grassroots', '630102', 'active')
       ON CONFLICT (org_id) DO UPDATE SET path = EXCLUDED.path, parent_id = EXCLUDED.parent_id`,
    );
    const city = await request(h.http)
      .get(`${API}/claims`)
      .query({ periodId })
      .set('Authorization', await as('rv-city', ['reviewer'], ['city-1']))
      .expect(200);
    expect(city.body.items[0].member.name).toBe('王建国');
    const auditor = await as('au-1', ['auditor'], ['u-elsewhere']);
    const seen = await request(h.http)
      .get(`${API}/periods/${periodId}/members/${member}`)
      .query({ purpose: '年度审计抽查' })
      .set('Authorization', auditor)
      .expect(200);
    expect(seen.body.member).toEqual(expect.objectContaining({ name: '王建国', idNumber: member }));
    const people = await request(h.http)
      .get(`${API}/people/${member}`)
      .query({ purpose: '年度审计抽查' })
      .set('Authorization', auditor)
      .expect(200);
    expect(people.body).toMatchObject({ idNumber: member, claims: [{ diagnosisCode: 'C34.9' }] });
    const rows = (await log()).filter((r) => r.actor === 'au-1' && r.purpose === '年度审计抽查');
    expect(rows.map((r) => r.subject)).toEqual([refOf(member), refOf(member)]);
  });

  it('answers the records of processing for a period: kinds, people, who read and why', async () => {
    const path = '/api/v1/privacy/processing-records';
    await request(h.http)
      .get(path)
      .query({ from: TODAY, to: TODAY })
      .set('Authorization', await as('cw-1', ['caseworker'], ['unit-1']))
      .expect(403);
    const bad = await request(h.http)
      .get(path)
      .query({ from: TODAY, to: '2000-01-01' })
      .set('Authorization', await as('au-1', ['auditor'], ['u-elsewhere']))
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'to' }] });
    const res = await request(h.http)
      .get(path)
      .query({ from: TODAY, to: TODAY })
      .set('Authorization', await as('admin-1', ['admin'], ['*']))
      .expect(200);
    expect(res.body).toMatchObject({ service: 'medical-aid', from: TODAY, to: TODAY, people: 1 });
    expect(res.body.kinds).toEqual(
      expect.arrayContaining([
        { kind: 'identity_number', events: 2, people: 1 }, // enrolled, then the claim
        { kind: 'medical', events: 2, people: 1 }, // the claim and its admission
        { kind: 'name', events: 2, people: 1 },
      ]),
    );
    expect(res.body.accesses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'cw-1', roles: ['caseworker'], purpose: '核对医院票据与身份', reads: 1, subjects: 1 }),
        expect.objectContaining({ actor: 'au-1', roles: ['auditor'], purpose: '年度审计抽查', reads: 2, subjects: 1 }),
      ]),
    );
    expect(res.body.purposes).toEqual(
      expect.arrayContaining([
        { purpose: '年度审计抽查', reads: 2, actors: 1 },
        { purpose: '核对医院票据与身份', reads: 1, actors: 1 },
      ]),
    );
    // Another period holds none of it.
    const before = await request(h.http)
      .get(path)
      .query({ from: '2020-01-01', to: '2020-12-31' })
      .set('Authorization', await as('au-1', ['auditor'], ['u-elsewhere']))
      .expect(200);
    expect(before.body).toMatchObject({ people: 0, kinds: [], accesses: [], purposes: [] });
  });
});
