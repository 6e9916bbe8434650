import { startServiceHarness, type ServiceHarness } from '@union/testing';
import { EducationGrantsModule } from '../../education-grants.module';
import { educationGrantsService } from '../../education-grants.service-definition';
import {
  applicationBody,
  as,
  campaignBody,
  daysFromToday,
  openHardshipCase,
  person,
  publishHardship,
} from '../../testing/grants-harness.fixture';

const APPLICATIONS = '/api/v1/grants/applications';

/** DOMAIN.md §2 "Recurring support": opening a campaign applies for recurring students, in the same request. */
describe('recurring students when a campaign opens', () => {
  let h: ServiceHarness;
  let admin: ReturnType<typeof as>;
  let caseworker: ReturnType<typeof as>;
  let reviewer: ReturnType<typeof as>;

  beforeAll(async () => {
    h = await startServiceHarness(educationGrantsService, (i, s) => EducationGrantsModule.register(i, s));
    admin = as(h.http, await h.token('admin-1', ['admin']));
    caseworker = as(h.http, await h.token('cw-1', ['caseworker'], ['u-1']));
    reviewer = as(h.http, await h.token('rv-1', ['reviewer']));
  });
  afterAll(() => h.close());

  it('submits one application per recurring student whose parent is still eligible and whose level is funded', async () => {
    const last = (
      await admin
        .post('/api/v1/grants/campaigns')
        .send(campaignBody({ year: 2025 }))
        .expect(201)
    ).body.campaignId;
    const closedCase: Record<number, string> = {};
    for (const n of [1, 2, 3, 4]) closedCase[n] = await openHardshipCase(h.bus, n, 'deep');
    const apply = async (n: number, level: string, recurring: boolean) => {
      const body = applicationBody(last, n, n);
      const { applicationId } = (
        await caseworker
          .post(APPLICATIONS)
          .send({ ...body, student: { ...body.student, level } })
          .expect(201)
      ).body;
      await reviewer.post(`${APPLICATIONS}/${applicationId}/approve`).send({ recurring }).expect(200);
      return applicationId as string;
    };
    await apply(1, 'undergraduate', true); // still eligible, level funded: applied for
    await apply(2, 'undergraduate', true); // parent's case closes: not applied for
    await apply(3, 'senior_high', true); // level not funded by the new campaign
    await apply(4, 'undergraduate', false); // not recurring
    await publishHardship(h.bus, 'HardshipCaseClosed', {
      personRef: person('parent', 2).ref,
      caseId: closedCase[2],
      reason: 'moved_away',
    });

    // Before its window opens: the system's applications skip the window check.
    const next = await admin
      .post('/api/v1/grants/campaigns')
      .send(
        campaignBody({
          opensOn: daysFromToday(10),
          closesOn: daysFromToday(20),
          amountsByLevelFen: { undergraduate: 600_000 },
        }),
      )
      .expect(201);
    const list = (await reviewer.get(`${APPLICATIONS}?campaignId=${next.body.campaignId}`).expect(200)).body;
    expect(list.total).toBe(1);
    const [auto] = list.items;
    expect(auto).toMatchObject({
      status: 'submitted',
      auto: true,
      submittedBy: 'system',
      amountFen: 600_000,
      unitId: 'u-1',
      recurring: false,
    });
    expect(auto.student).toMatchObject({
      level: 'undergraduate',
      idNumberMasked: expect.stringMatching(/^110105\*{8}/),
    });

    const [opened] = await h.infra.store.readStream(`campaign-${next.body.campaignId}`);
    const [submitted] = await h.infra.store.readStream(`application-${auto.applicationId}`);
    expect(submitted).toMatchObject({
      personRef: person('parent', 1).ref,
      metadata: { actor: 'system', causationId: opened.eventId },
    });
    expect(submitted.transactionId).toBe(opened.transactionId);
    expect((submitted.data as { studentPersonRef: string }).studentPersonRef).toBe(person('student', 1).ref);

    // A caseworker still waits for the window (the rules run in DOMAIN.md's order: window first).
    const early = await caseworker
      .post(APPLICATIONS)
      .send(applicationBody(next.body.campaignId, 1, 1))
      .expect(422);
    expect(early.body.code).toBe('RULE_VIOLATION');
    await reviewer
      .post(`${APPLICATIONS}/${auto.applicationId}/approve`)
      .send({ recurring: true })
      .expect(200);
  });

  it('applies for a recurring student once, even when listed in several campaigns', async () => {
    // Student 1 is recurring in 2025 and 2026; student 3 (senior high) in 2025, funded again now.
    const third = await admin
      .post('/api/v1/grants/campaigns')
      .send(campaignBody({ year: 2027 }))
      .expect(201);
    const list = (await reviewer.get(`${APPLICATIONS}?campaignId=${third.body.campaignId}`).expect(200)).body;
    const byLevel = (level: string) =>
      list.items.filter((a: { student: { level: string } }) => a.student.level === level);
    expect(list.total).toBe(2);
    expect(byLevel('undergraduate')).toEqual([expect.objectContaining({ auto: true, amountFen: 500_000 })]);
    expect(byLevel('senior_high')).toEqual([expect.objectContaining({ auto: true, amountFen: 200_000 })]);
    const dup = await caseworker
      .post(APPLICATIONS)
      .send(applicationBody(third.body.campaignId, 1, 1))
      .expect(409);
    expect(dup.body).toMatchObject({
      code: 'DUPLICATE',
      existingApplicationId: byLevel('undergraduate')[0].applicationId,
    });
  });
});
