import { chinaToday } from '@union/kernel';
import { HARDSHIP, idNumberOf, openCase, startHardshipHarness, type HardshipHarness } from '../testing/hardship.harness';

/**
 * A case file's full identity number only with a stated purpose, and that read in the access log
 * with who and why whoever makes it (DOMAIN.md §5; issue 18); the records of processing count it.
 */
describe('purpose on reading a case file (hardship-cases, PGlite)', () => {
  let h: HardshipHarness;
  let caseId: string;
  const id = idNumberOf(821);
  const purposeRows = () =>
    h.infra.dataSource.query<{ actor: string; purpose: string; subject: string }[]>(
      `SELECT actor, purpose, subject FROM audit_access_log WHERE purpose IS NOT NULL ORDER BY id`,
    );

  beforeAll(async () => {
    h = await startHardshipHarness();
    caseId = await openCase(h, id);
  });
  afterAll(() => h.close());

  it('keeps the number masked without a purpose, and reveals it with one, recorded', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const plain = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(plain.body.person).not.toHaveProperty('idNumber');
    expect(JSON.stringify(plain.body)).not.toContain(id);
    expect(await purposeRows()).toEqual([]);

    const full = await cw.get(`${HARDSHIP}/cases/${caseId}`).query({ purpose: '核对身份后发放救助金' }).expect(200);
    expect(full.body.person).toMatchObject({ idNumber: id, idNumberMasked: `${id.slice(0, 6)}********${id.slice(14)}` });
    expect(await purposeRows()).toEqual([{ actor: 'cw-1', purpose: '核对身份后发放救助金', subject: caseId }]);
  });

  it('refuses a bad purpose with 400 before reading, and another unit with 403', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const bad = await cw.get(`${HARDSHIP}/cases/${caseId}?purpose=${encodeURIComponent('查看')}`).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'purpose' }] });
    const other = await h.as('cw-2', ['caseworker'], ['u-2']);
    await other.get(`${HARDSHIP}/cases/${caseId}`).query({ purpose: '核对身份后发放救助金' }).expect(403);
    expect(await purposeRows()).toHaveLength(1);
  });

  it('counts the case and the read in the records of processing', async () => {
    const auditor = await h.as('au-1', ['auditor'], ['u-audit']);
    const today = chinaToday(new Date());
    const res = await auditor
      .get('/api/v1/privacy/processing-records')
      .query({ from: today, to: today })
      .expect(200);
    expect(res.body).toMatchObject({ service: 'hardship-cases', people: 1 });
    expect(res.body.kinds).toEqual(
      expect.arrayContaining([
        { kind: 'identity_number', events: 1, people: 1 },
        { kind: 'household_finances', events: 1, people: 1 },
        { kind: 'contact', events: 1, people: 1 },
      ]),
    );
    expect(res.body.purposes).toEqual([{ purpose: '核对身份后发放救助金', reads: 1, actors: 1 }]);
    expect(res.body.accesses).toEqual([
      expect.objectContaining({ actor: 'cw-1', purpose: '核对身份后发放救助金', reads: 1, subjects: 1 }),
    ]);
  });
});
