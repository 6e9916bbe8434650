import {
  applicationBody,
  countOf,
  daysFromToday,
  openHardshipCase,
  person,
  publishHardship,
  today,
} from '../../testing/grants-harness.fixture';
import { APPLICATIONS, startGrantsKit, type GrantsKit } from '../../testing/grants-kit.fixture';

describe('submitting an application (POST /applications)', () => {
  let k: GrantsKit;
  let campaignId: string;
  const counts = async () => ({
    events: await countOf(k.h.infra.dataSource, `SELECT count(*) AS n FROM events`),
    rows: await countOf(k.h.infra.dataSource, `SELECT count(*) AS n FROM grant_application`),
  });

  beforeAll(async () => {
    k = await startGrantsKit();
    campaignId = await k.openCampaign();
    for (const serial of [1, 2, 3, 4]) await openHardshipCase(k.h.bus, serial, 'deep');
    await openHardshipCase(k.h.bus, 5, 'emergency');
  });
  afterAll(() => k.close());

  it('submits an application for an eligible parent, at the campaign amount of the level, with an ETag', async () => {
    const res = await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 1, 1))
      .expect(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      version: 1,
      campaignId,
      status: 'submitted',
      parent: { idNumberMasked: expect.stringMatching(/^110105\*{8}\d{3}[\dX]$/) },
      student: { name: '王小明', level: 'undergraduate', school: '青海大学' },
      unitId: 'u-1',
      amountFen: 500_000,
      recurring: false,
      auto: false,
      submittedBy: 'cw-1',
    });
    expect(JSON.stringify(res.body)).not.toContain(person('parent', 1).idNumber);
    const [event] = await k.h.infra.store.readStream(`application-${res.body.applicationId}`);
    expect(event).toMatchObject({ type: 'GrantApplicationSubmitted', personRef: person('parent', 1).ref });
    expect(JSON.stringify(event.data)).not.toContain(person('student', 1).idNumber);
  });

  it('takes applications on the first and the last day of the window, and refuses them outside it', async () => {
    const firstDay = await k.openCampaign({ opensOn: today(), closesOn: daysFromToday(3) });
    const lastDay = await k.openCampaign({ opensOn: daysFromToday(-3), closesOn: today() });
    const notYet = await k.openCampaign({ opensOn: daysFromToday(1), closesOn: daysFromToday(3) });
    const over = await k.openCampaign({ opensOn: daysFromToday(-3), closesOn: daysFromToday(-1) });
    await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(firstDay, 2, 2))
      .expect(201);
    await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(lastDay, 2, 2))
      .expect(201);
    const before = await counts();
    for (const id of [notYet, over]) {
      const res = await k.caseworker
        .post(APPLICATIONS)
        .send(applicationBody(id, 2, 2))
        .expect(422);
      expect(res.body).toMatchObject({ code: 'RULE_VIOLATION', today: today() });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a parent without an open case of an eligible tier (422 NOT_ELIGIBLE), from the projection only', async () => {
    const before = await counts();
    const none = await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 9, 9))
      .expect(422);
    expect(none.body.code).toBe('NOT_ELIGIBLE');
    const emergency = await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 5, 5))
      .expect(422);
    expect(emergency.body).toMatchObject({
      code: 'NOT_ELIGIBLE',
      tier: 'emergency',
      eligibleTiers: ['deep', 'relative'],
    });
    const caseId = await openHardshipCase(k.h.bus, 6, 'relative');
    await publishHardship(k.h.bus, 'HardshipCaseClosed', {
      personRef: person('parent', 6).ref,
      caseId,
      reason: 'moved_away',
    });
    await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 6, 6))
      .expect(422);
    expect(await counts()).toEqual(before);
  });

  it('keeps one live application per student per campaign (409 DUPLICATE), and allows one again after withdrawal', async () => {
    const first = await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 3, 3))
      .expect(201);
    const before = await counts();
    const dup = await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 4, 3))
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'DUPLICATE', existingApplicationId: first.body.applicationId });
    expect(await counts()).toEqual(before);
    await k.caseworker
      .post(`${APPLICATIONS}/${first.body.applicationId}/withdraw`)
      .send({ reason: '重复申请' })
      .expect(200);
    await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 4, 3))
      .expect(201);
  });

  it('tells a caseworker of another unit that the student has an application, without its id', async () => {
    await openHardshipCase(k.h.bus, 7, 'deep');
    const first = await k.caseworker
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 7, 7))
      .expect(201);
    const before = await counts();
    const other = await k.client('cw-2', ['caseworker'], ['u-2']);
    const dup = await other
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 7, 7, { unitId: 'u-2' }))
      .expect(409);
    expect(dup.body).toMatchObject({
      code: 'DUPLICATE',
      detail: expect.stringMatching(/already has an application in this campaign/) as string,
    });
    expect(dup.body).not.toHaveProperty('existingApplicationId');
    expect(dup.text).not.toContain(first.body.applicationId);
    expect(await counts()).toEqual(before);
    const both = await k.client('cw-3', ['caseworker'], ['u-1', 'u-2']);
    const named = await both
      .post(APPLICATIONS)
      .send(applicationBody(campaignId, 7, 7, { unitId: 'u-2' }))
      .expect(409);
    expect(named.body).toMatchObject({ code: 'DUPLICATE', existingApplicationId: first.body.applicationId });
  });

  it('refuses a level the campaign does not fund (422), bad input (400) and other units (403), storing nothing', async () => {
    const before = await counts();
    const primary = applicationBody(campaignId, 4, 40, {});
    const level = await k.caseworker
      .post(APPLICATIONS)
      .send({ ...primary, student: { ...primary.student, level: 'primary' } })
      .expect(422);
    expect(level.body).toMatchObject({
      code: 'RULE_VIOLATION',
      level: 'primary',
      fundedLevels: ['senior_high', 'undergraduate'],
    });
    const badId = await k.caseworker
      .post(APPLICATIONS)
      .send({ ...primary, parentIdNumber: '110105198001010011' })
      .expect(400);
    expect(badId.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'parentIdNumber' }] });
    await k.caseworker
      .post(APPLICATIONS)
      .send({ ...primary, student: { ...primary.student, level: 'phd' } })
      .expect(400);
    await k.caseworker
      .post(APPLICATIONS)
      .send({ ...primary, extra: 1 })
      .expect(400);
    const self = await k.caseworker
      .post(APPLICATIONS)
      .send({ ...primary, student: { ...primary.student, idNumber: person('parent', 4).idNumber } })
      .expect(400);
    expect(self.body.errors).toEqual([expect.objectContaining({ field: 'student.idNumber' })]);
    await k.caseworker
      .post(APPLICATIONS)
      .send({ ...primary, unitId: 'u-2' })
      .expect(403);
    const reviewer = k.reviewer;
    await reviewer.post(APPLICATIONS).send(primary).expect(403);
    await k.caseworker
      .post(APPLICATIONS)
      .send({ ...primary, campaignId: '6f1c0d1e-2b7a-4c52-9d0e-000000000000' })
      .expect(404);
    expect(await counts()).toEqual(before);
  });

  describe("the parent's signed authorisation (授权书, DOMAIN.md §5)", () => {
    const CONSENT = { documentRef: '青工助授〔2026〕0042号', signedOn: today() };
    const fieldsOf = (body: { errors: { field: string }[] }) => [...new Set(body.errors.map((e) => e.field))];

    it('is required: without it, or with a bad one, a 400 naming the field, and nothing stored', async () => {
      const before = await counts();
      const without = await k.caseworker
        .post(APPLICATIONS)
        .send(applicationBody(campaignId, 3, 30, { consent: undefined }))
        .expect(400);
      expect(without.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(fieldsOf(without.body)).toEqual(['consent']);
      const refusals: [unknown, string[]][] = [
        [{ ...CONSENT, signedOn: daysFromToday(1) }, ['consent.signedOn']],
        [{ ...CONSENT, signedOn: '2026/01/05' }, ['consent.signedOn']],
        [{ ...CONSENT, documentRef: '' }, ['consent.documentRef']],
        [{ ...CONSENT, documentRef: `授权书${person('parent', 3).idNumber}` }, ['consent.documentRef']],
        [{ ...CONSENT, documentRef: '王小明家长授权' }, ['consent.documentRef']],
        [null, ['consent']],
      ];
      for (const [consent, fields] of refusals) {
        const res = await k.caseworker
          .post(APPLICATIONS)
          .send(applicationBody(campaignId, 3, 30, { consent }))
          .expect(400);
        expect([consent, res.body.code, fieldsOf(res.body)]).toEqual([consent, 'VALIDATION_FAILED', fields]);
      }
      expect(await counts()).toEqual(before);
    });

    it('is in the submission event and the application; a dry run may leave it out', async () => {
      const res = await k.caseworker
        .post(APPLICATIONS)
        .send(applicationBody(campaignId, 3, 31, { consent: CONSENT }))
        .expect(201);
      expect(res.body.consent).toEqual(CONSENT);
      const id = res.body.applicationId as string;
      expect((await k.caseworker.get(`${APPLICATIONS}/${id}`).expect(200)).body.consent).toEqual(CONSENT);
      const [event] = await k.h.infra.store.readStream(`application-${id}`);
      expect(event.data).toMatchObject({ consent: CONSENT });
      const before = await counts();
      const dry = await k.caseworker
        .post(`${APPLICATIONS}?dryRun=true`)
        .send(applicationBody(campaignId, 4, 32, { consent: undefined }))
        .expect(201);
      expect(dry.body).toMatchObject({ dryRun: true, amountFen: 500_000, consent: null });
      expect(await counts()).toEqual(before);
    });
  });

  it('replays an Idempotency-Key with the first answer, and refuses the key with another body', async () => {
    const body = applicationBody(campaignId, 4, 41);
    const first = await k.caseworker.post(APPLICATIONS).set('Idempotency-Key', 'k-41').send(body).expect(201);
    const before = await counts();
    const again = await k.caseworker.post(APPLICATIONS).set('Idempotency-Key', 'k-41').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe('"1"');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await counts()).toEqual(before);
    const other = await k.caseworker
      .post(APPLICATIONS)
      .set('Idempotency-Key', 'k-41')
      .send(applicationBody(campaignId, 4, 42))
      .expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
