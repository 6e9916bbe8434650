import {
  HARDSHIP,
  idNumberOf,
  openCase,
  openCaseBody,
  startHardshipHarness,
  type HardshipHarness,
} from '../testing/hardship.harness';

describe('hardship cases: open, list, get, close, reopen (HTTP)', () => {
  let h: HardshipHarness;
  beforeAll(async () => {
    h = await startHardshipHarness();
  });
  afterAll(() => h.close());

  it('opens a deep-tier case with ETag and records the policy version', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const res = await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(1)))
      .expect(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      status: 'open',
      tier: 'deep',
      computedTier: 'deep',
      perCapitaIncomeFen: 75_000,
      person: { idNumberMasked: '110105********' + idNumberOf(1).slice(-4), name: '王建国' },
      policyVersion: 'default-1',
      assistanceThisYearFen: 0,
    });
    const [event] = await h.infra.store.readStream(`case-${res.body.caseId}`);
    expect(event.metadata).toMatchObject({ actor: 'cw-1', policyVersion: 'default-1' });
  });

  it('refuses a second open case of the same person with 409 and the existing case id', async () => {
    const caseId = await openCase(h, idNumberOf(2));
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const res = await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(2)))
      .expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', existingCaseId: caseId });
  });

  it("tells a caseworker of another unit that the person has an open case, without the case's id", async () => {
    const caseId = await openCase(h, idNumberOf(12));
    const other = await h.as('cw-2', ['caseworker'], ['u-2']);
    const before = await h.eventCount();
    const res = await other
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(12), { unitId: 'u-2' }))
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'CONFLICT',
      detail: expect.stringMatching(/already has an open hardship case/) as string,
    });
    expect(res.body).not.toHaveProperty('existingCaseId');
    expect(res.text).not.toContain(caseId);
    expect(await h.eventCount()).toBe(before);
    // Acting for both units, the caseworker may add to that case, so it is named.
    const both = await h.as('cw-3', ['caseworker'], ['u-1', 'u-2']);
    const named = await both
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(12), { unitId: 'u-2' }))
      .expect(409);
    expect(named.body).toMatchObject({ code: 'CONFLICT', existingCaseId: caseId });
  });

  it('refuses a household above every line with 422 NOT_ELIGIBLE naming the line, unless overridden with a reason', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const above = { household: { size: 1, monthlyIncomeFen: 200_000 } };
    const before = await h.eventCount();
    const refused = await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(3), above))
      .expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'NOT_ELIGIBLE',
      exceededLine: 'relative_line',
      relativeLineFen: 135_000,
    });
    expect(refused.body.detail).toContain('relative hardship line of 1350.00 yuan');
    expect(await h.eventCount()).toBe(before);
    const overridden = await cw
      .post(`${HARDSHIP}/cases`)
      .send(
        openCaseBody(idNumberOf(3), { ...above, tierOverride: 'relative', overrideReason: '工会委员会决定' }),
      )
      .expect(201);
    expect(overridden.body).toMatchObject({
      tier: 'relative',
      computedTier: null,
      overrideReason: '工会委员会决定',
    });
  });

  it('validates every input with 400 problem+json and stores nothing', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const before = await h.eventCount();
    const bad = openCaseBody('110105198001011239', {
      household: { size: 0, monthlyIncomeFen: 1.5 },
      causes: ['bad-luck'],
      nickname: 'x',
    });
    const res = await cw.post(`${HARDSHIP}/cases`).send(bad).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['causes', 'household.monthlyIncomeFen', 'household.size', 'nickname', 'person.idNumber'].sort(),
    );
    await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(4), { channel: 'email' }))
      .expect(400);
    await cw
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(4), { overrideReason: 'x'.repeat(501), tierOverride: 'deep' }))
      .expect(400);
    await cw.get(`${HARDSHIP}/cases/not-a-uuid`).expect(400);
    expect(await h.eventCount()).toBe(before);
  });

  describe("the worker's signed authorisation (授权书, DOMAIN.md §5)", () => {
    const CONSENT = { documentRef: '京工帮授〔2026〕0007号', signedOn: '2026-01-05' };
    const fieldsOf = (body: { errors: { field: string }[] }) => [...new Set(body.errors.map((e) => e.field))];

    it('is required: without it, or with a bad one, a 400 naming the field, and nothing stored', async () => {
      const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
      const before = await h.eventCount();
      const without = await cw
        .post(`${HARDSHIP}/cases`)
        .send(openCaseBody(idNumberOf(40), { consent: undefined }))
        .expect(400);
      expect(without.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(without.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(fieldsOf(without.body)).toEqual(['consent']);
      const refusals: [unknown, string[]][] = [
        [{ ...CONSENT, signedOn: '2999-01-01' }, ['consent.signedOn']],
        [{ ...CONSENT, signedOn: '2026-02-30' }, ['consent.signedOn']],
        [{ ...CONSENT, documentRef: ' ' }, ['consent.documentRef']],
        [{ ...CONSENT, documentRef: 'x'.repeat(65) }, ['consent.documentRef']],
        [{ ...CONSENT, documentRef: '王建国的授权书' }, ['consent.documentRef']],
        [{ signedOn: CONSENT.signedOn }, ['consent.documentRef']],
        [{ ...CONSENT, scan: 'x' }, ['consent.scan']],
        ['授权书', ['consent']],
      ];
      for (const [consent, fields] of refusals) {
        const res = await cw
          .post(`${HARDSHIP}/cases`)
          .send(openCaseBody(idNumberOf(40), { consent }))
          .expect(400);
        expect([consent, res.body.code, fieldsOf(res.body)]).toEqual([consent, 'VALIDATION_FAILED', fields]);
      }
      expect(await h.eventCount()).toBe(before);
    });

    it('is in the opening event, the case, its file and its audit history; a dry run may leave it out', async () => {
      const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
      const opened = await cw
        .post(`${HARDSHIP}/cases`)
        .send(
          openCaseBody(idNumberOf(41), { consent: { ...CONSENT, documentRef: ` ${CONSENT.documentRef} ` } }),
        )
        .expect(201);
      expect(opened.body.consent).toEqual(CONSENT);
      const caseId = opened.body.caseId as string;
      expect((await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200)).body.consent).toEqual(CONSENT);
      const [event] = await h.infra.store.readStream(`case-${caseId}`);
      expect(event.data).toMatchObject({ consent: CONSENT });
      const auditor = await h.as('au-1', ['auditor']);
      const { events } = (await auditor.get(`/api/v1/audit/streams/case-${caseId}/events`).expect(200))
        .body as { events: { type: string; data: { consent?: unknown } }[] };
      // Not a personal field (docs/personal-information.md): kept in the clear, so it outlives an erasure.
      expect(events[0]).toMatchObject({ type: 'HardshipCaseOpened', data: { consent: CONSENT } });
      const state = await auditor.get(`/api/v1/audit/streams/case-${caseId}/state`).expect(200);
      expect(JSON.stringify(state.body)).toContain(CONSENT.documentRef);

      const before = await h.eventCount();
      const dry = await cw
        .post(`${HARDSHIP}/cases?dryRun=true`)
        .send(openCaseBody(idNumberOf(42), { consent: undefined }))
        .expect(201);
      expect(dry.body).toMatchObject({ dryRun: true, tier: 'deep', consent: null });
      const badDry = await cw
        .post(`${HARDSHIP}/cases?dryRun=true`)
        .send(openCaseBody(idNumberOf(42), { consent: { ...CONSENT, signedOn: '2999-01-01' } }))
        .expect(400);
      expect(fieldsOf(badDry.body)).toEqual(['consent.signedOn']);
      expect(await h.eventCount()).toBe(before);
    });
  });

  it('scopes caseworkers to their units: 403 on another unit, lists only show theirs; auditors read all', async () => {
    const caseId = await openCase(h, idNumberOf(5));
    const other = await h.as('cw-2', ['caseworker'], ['u-2']);
    expect((await other.get(`${HARDSHIP}/cases/${caseId}`).expect(403)).body.code).toBe('FORBIDDEN');
    await other
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(6)))
      .expect(403);
    await other.post(`${HARDSHIP}/cases/${caseId}/close`).send({ reason: 'other' }).expect(403);
    expect((await other.get(`${HARDSHIP}/cases`).expect(200)).body).toMatchObject({ items: [], total: 0 });
    await other.get(`${HARDSHIP}/cases?unitId=u-1`).expect(403);
    const auditor = await h.as('au-1', ['auditor'], ['u-elsewhere']);
    const all = await auditor
      .get(`${HARDSHIP}/cases?unitId=u-1&status=open&tier=deep&pageSize=2`)
      .expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    expect(all.body.items).toHaveLength(2);
    await auditor
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(7)))
      .expect(403);
  });

  it('shows the case file with its details and history summary, with ETag', async () => {
    const caseId = await openCase(h, idNumberOf(8));
    const reviewer = await h.as('rv-1', ['reviewer'], ['*']);
    const res = await reviewer.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      caseId,
      version: 1,
      assistance: [],
      visits: [],
      externalAssistance: [],
      referrals: [],
      history: {
        eventCount: 1,
        entries: [{ version: 1, type: 'HardshipCaseOpened', actor: 'cw-1', policyVersion: 'default-1' }],
      },
    });
    await reviewer.get(`${HARDSHIP}/cases/00000000-0000-4000-8000-000000000000`).expect(404);
  });

  it('closes with If-Match, answers a stale one with 409 VERSION_CONFLICT, and reopens with the tier recomputed', async () => {
    const caseId = await openCase(h, idNumberOf(9));
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const stale = await cw
      .post(`${HARDSHIP}/cases/${caseId}/close`)
      .set('If-Match', '"7"')
      .send({ reason: 'moved_away' })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    const closed = await cw
      .post(`${HARDSHIP}/cases/${caseId}/close`)
      .set('If-Match', '"1"')
      .send({ reason: 'moved_away', note: '迁往外省' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'moved_away', nextReviewDue: null });
    expect(closed.headers.etag).toBe('"2"');
    await cw.post(`${HARDSHIP}/cases/${caseId}/close`).send({ reason: 'other' }).expect(422);
    await cw.post(`${HARDSHIP}/cases/${caseId}/reopen`).send({}).expect(400);
    await cw
      .post(`${HARDSHIP}/cases/${caseId}/reopen`)
      .set('If-Match', '"1"')
      .send({ reason: '又回本地' })
      .expect(409);
    const reopened = await cw
      .post(`${HARDSHIP}/cases/${caseId}/reopen`)
      .set('If-Match', '"2"')
      .send({ reason: '家庭成员再次患病', household: { size: 2, monthlyIncomeFen: 250_000 } })
      .expect(200);
    expect(reopened.body).toMatchObject({
      status: 'open',
      tier: 'relative',
      perCapitaIncomeFen: 125_000,
      version: 3,
    });
    expect(reopened.headers.etag).toBe('"3"');
    await cw.post(`${HARDSHIP}/cases/${caseId}/close`).send({ reason: 'out_of_hardship' }).expect(200);
    const notEligible = await cw
      .post(`${HARDSHIP}/cases/${caseId}/reopen`)
      .send({ reason: '复核', household: { size: 1, monthlyIncomeFen: 900_000 } })
      .expect(422);
    expect(notEligible.body.code).toBe('NOT_ELIGIBLE');
  });

  it('replays an Idempotency-Key with the first answer and refuses it for another body', async () => {
    const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    const body = openCaseBody(idNumberOf(10));
    const first = await cw.post(`${HARDSHIP}/cases`).set('Idempotency-Key', 'open-10').send(body).expect(201);
    const before = await h.eventCount();
    const again = await cw.post(`${HARDSHIP}/cases`).set('Idempotency-Key', 'open-10').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.etag).toBe('"1"');
    expect(await h.eventCount()).toBe(before);
    const reused = await cw
      .post(`${HARDSHIP}/cases`)
      .set('Idempotency-Key', 'open-10')
      .send(openCaseBody(idNumberOf(11)))
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
