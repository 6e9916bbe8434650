// Restriction and retention in the hardship service over HTTP on PGlite (issue 18, DOMAIN.md §5,
// docs/personal-information.md): a request before the person's retention passed restricts them
// (their case takes no command and leaves worklists and holiday batches, the audit still reads
// it), the closing of their case starts the retention, and the sweep erases them when it ends.
import { verifyLog } from '@union/event-store';
import { addDays, chinaToday } from '@union/kernel';
import { PrivacyService } from '@union/runtime';
import { HolidayBatchRunner } from '../holiday-batches/holiday-batch-runner';
import {
  HARDSHIP,
  createFund,
  growTree,
  idNumberOf,
  openCase,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

const PAID_ON = `${new Date().getUTCFullYear()}-12-20`;
const LEGAL = '《个人信息保护法》第四十七条';

describe('restricting a person in hardship, and erasing them when their retention passed (HTTP)', () => {
  let h: HardshipHarness;
  let admin: Client;
  let cw: Client;
  let reviewer: Client;
  let auditor: Client;
  const restricted = idNumberOf(301);
  const later = idNumberOf(302);
  const closedEarlier = idNumberOf(303);
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    // One year of retention; the batch runs are driven by the test.
    h = await startHardshipHarness({ HARDSHIP_BATCH_POLL_MS: '60000' }, { retentionYears: 1 });
    await h.infra.leaders.batches.stop();
    await growTree(h, [
      ['city', ''],
      ['u-1', 'city'],
    ]);
    admin = await h.as('admin-1', ['admin'], ['*']);
    cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    reviewer = await h.as('rv-1', ['reviewer'], ['*']);
    auditor = await h.as('au-1', ['auditor'], ['*']);
    for (const id of [restricted, later, closedEarlier]) cases[id] = await openCase(h, id);
    await cw
      .post(`${HARDSHIP}/cases/${cases[closedEarlier]}/close`)
      .send({ reason: 'moved_away' })
      .expect(200);
  });
  afterAll(() => h.close());

  const ask = (idNumber: string, kind: 'restrict' | 'erase') =>
    admin
      .post(`/api/v1/privacy/people/${idNumber}/requests`)
      .send({ kind, reason: '本人申请限制处理', legalBasis: LEGAL })
      .expect(202);
  const statusOf = async (idNumber: string) =>
    (await auditor.get(`/api/v1/privacy/people/${idNumber}`).expect(200)).body as Record<string, unknown>;
  const listed = async (client: Client) =>
    (
      (await client.get(`${HARDSHIP}/cases?pageSize=500`).expect(200)).body as { items: { caseId: string }[] }
    ).items.map((c) => c.caseId);
  const today = chinaToday(new Date());
  // The closing date plus one year, as Postgres adds it (29 February to 28 February).
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const inAYear = nextYear.endsWith('-02-29') ? nextYear.replace('-02-29', '-02-28') : nextYear;

  it('restricts a person whose case is open: no command, out of worklists and batches, still audited; idempotent', async () => {
    expect((await ask(restricted, 'restrict')).body).toMatchObject({
      service: 'hardship-cases',
      outcome: 'restricted',
      until: null,
      retentionEndsOn: null,
    });
    expect((await ask(restricted, 'restrict')).body).toMatchObject({ outcome: 'already_restricted' });
    expect(await statusOf(restricted)).toMatchObject({
      status: 'restricted',
      until: null,
      openRecords: true,
    });

    // No assistance, no visit: PERSON_RESTRICTED, and nothing stored.
    const fundId = await createFund(h);
    const before = await h.eventCount();
    const assistance = await cw
      .post(`${HARDSHIP}/cases/${cases[restricted]}/assistance`)
      .send({ kind: 'cash', category: 'living', amountFen: 50_000, fundId, description: '生活补助' })
      .expect(422);
    expect(assistance.body).toMatchObject({ code: 'PERSON_RESTRICTED', status: 422 });
    await cw
      .post(`${HARDSHIP}/cases/${cases[restricted]}/visits`)
      .send({ visitedOn: today, visitor: '李敏', findings: '家中无人' })
      .expect(422);
    expect(await h.eventCount()).toBe(before);

    // Out of the caseworker's and reviewer's worklists; the auditor still sees the case, and its history.
    expect(await listed(cw)).not.toContain(cases[restricted]);
    expect(await listed(reviewer)).not.toContain(cases[restricted]);
    expect(await listed(cw)).toContain(cases[later]);
    expect(await listed(auditor)).toContain(cases[restricted]);
    const history = await auditor.get(`/api/v1/audit/streams/case-${cases[restricted]}/events`).expect(200);
    expect(JSON.stringify(history.body)).toContain('王建国');
  });

  it('leaves a restricted person out of a holiday batch, and refuses their line when restricted between approval and run', async () => {
    const fundId = await createFund(h, { holderOrgId: 'city', category: 'holiday', amountFen: 900_000 });
    const draft = await (
      await h.as('cw-city', ['caseworker'], ['city'])
    )
      .post(`${HARDSHIP}/holiday-batches`)
      .send({
        name: '春节送温暖',
        orgId: 'city',
        fundId,
        tiers: ['deep'],
        amountsByTierFen: { deep: 100_000 },
        paidOn: PAID_ON,
      })
      .expect(201);
    const batchId = draft.body.batchId as string;
    const lines = async (status: string) =>
      (
        (
          await reviewer
            .get(`${HARDSHIP}/holiday-batches/${batchId}/lines?status=${status}&pageSize=500`)
            .expect(200)
        ).body as { items: { caseId: string; reason: string | null }[] }
      ).items;
    const all = [...(await lines('included')), ...(await lines('excluded'))].map((l) => l.caseId);
    expect(all).not.toContain(cases[restricted]); // not even listed as excluded
    expect((await lines('included')).map((l) => l.caseId)).toEqual([cases[later]]);

    await reviewer.post(`${HARDSHIP}/holiday-batches/${batchId}/approve`).send({}).expect(200);
    // Erasure asked while the case is open: restricted instead, and the run refuses the line.
    expect((await ask(later, 'erase')).body).toMatchObject({ outcome: 'restricted', until: null });
    await h.app.get(HolidayBatchRunner).runPending();
    expect(await lines('unrecorded')).toEqual([
      expect.objectContaining({ caseId: cases[later], reason: 'PERSON_RESTRICTED' }),
    ]);
    expect((await reviewer.get(`${HARDSHIP}/holiday-batches/${batchId}`).expect(200)).body).toMatchObject({
      status: 'done',
      progress: { recorded: 0, unrecorded: 1, releasedFen: 100_000 },
    });
  });

  it('restricts until the retention end when asked to erase before it, lets the case close, and the sweep erases on the date', async () => {
    // Closed today, one year of retention: an erasure request restricts until then.
    expect((await ask(closedEarlier, 'erase')).body).toMatchObject({ outcome: 'restricted', until: inAYear });
    expect(await statusOf(closedEarlier)).toMatchObject({
      status: 'restricted',
      until: inAYear,
      retentionEndsOn: inAYear,
    });

    // The restricted person's case may still be closed (that starts their retention).
    await cw.post(`${HARDSHIP}/cases/${cases[restricted]}/close`).send({ reason: 'declined' }).expect(200);
    expect(await statusOf(restricted)).toMatchObject({
      status: 'restricted',
      until: inAYear,
      openRecords: false,
    });

    const privacy = h.app.get(PrivacyService);
    expect(await privacy.sweep(new Date())).toBe(0);
    expect(await privacy.sweep(new Date(`${addDays(inAYear, -1)}T12:00:00+08:00`))).toBe(0);
    const onTheDate = new Date(`${inAYear}T09:00:00+08:00`);
    expect(await privacy.sweep(onTheDate)).toBe(2);
    expect(await privacy.sweep(onTheDate)).toBe(0);

    expect(await statusOf(restricted)).toMatchObject({ status: 'erased' });
    expect(await statusOf(closedEarlier)).toMatchObject({ status: 'erased' });
    expect(await statusOf(later)).toMatchObject({ status: 'restricted', until: null }); // still open
    const file = await auditor.get(`${HARDSHIP}/cases/${cases[restricted]}`).expect(200);
    expect(JSON.stringify(file.body)).not.toContain('王建国');
    // After the date, a request erases (the existing path), once.
    expect(
      await privacy.request(
        closedEarlier,
        { requestId: 'r-1', kind: 'erase', reason: '再次申请', legalBasis: LEGAL, actor: 'admin-1' },
        onTheDate,
      ),
    ).toMatchObject({
      outcome: 'already_erased',
    });
    // An erased person's case takes no command either.
    expect(
      (await cw.post(`${HARDSHIP}/cases/${cases[restricted]}/reopen`).send({ reason: '重新申请' })).status,
    ).toBe(422);
    expect(await verifyLog(h.infra.dataSource)).toMatchObject({ valid: true });
  });
});
