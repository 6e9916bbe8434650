import request from 'supertest';
import { dlqTopic, HEADERS, TOPICS } from '@union/contracts';
import { InProcessPublisher } from '@union/messaging';
import { startServiceHarness, type ServiceHarness } from '@union/testing';
import { EducationGrantsModule } from '../education-grants.module';
import { educationGrantsService } from '../education-grants.service-definition';
import { countOf, openHardshipCase, person } from '../testing/grants-harness.fixture';

/**
 * Issue 14, item 3, on the eligibility projection (HardshipEligibilityConsumer, shared with
 * medical aid): a `HardshipCaseClosed` without personRef once reached
 * `findOneBy({ personRef: undefined })`, which TypeORM reads as "any row", and closed another
 * person's eligibility; a tier `platinum` was stored. Both now go to the DLQ, changing no row.
 */
describe('hardship events that break their contract (eligibility projection)', () => {
  let h: ServiceHarness;
  let caseId: string;
  const other = person('parent', 1);

  const eligibility = () =>
    h.infra.dataSource.query<{ person_ref: string; case_id: string; open: boolean; tier: string }[]>(
      `SELECT person_ref, case_id, open, tier FROM hardship_eligibility ORDER BY person_ref`,
    );
  /** Publishes `value` as the hardship relay would, keyed by `key`, and waits for the consumers. */
  async function publish(eventId: string, type: string, key: string, value: unknown): Promise<void> {
    await new InProcessPublisher(h.bus).publish([
      {
        topic: TOPICS.hardshipCases,
        key,
        value,
        headers: {
          [HEADERS.eventId]: eventId,
          [HEADERS.eventType]: type,
          [HEADERS.eventVersion]: '1',
          [HEADERS.source]: 'hardship-cases',
          [HEADERS.occurredAt]: new Date().toISOString(),
        },
      },
    ]);
    await h.bus.idle();
  }
  const parked = () => h.bus.messages(dlqTopic(TOPICS.hardshipCases));

  beforeAll(async () => {
    h = await startServiceHarness(educationGrantsService, (i, s) => EducationGrantsModule.register(i, s));
    caseId = await openHardshipCase(h.bus, 1, 'deep');
  });
  afterAll(() => h.close());

  it("leaves another person's eligibility open when a HardshipCaseClosed has no personRef", async () => {
    const before = await eligibility();
    expect(before).toEqual([{ person_ref: other.ref, case_id: caseId, open: true, tier: 'deep' }]);
    await publish('closed-without-ref', 'HardshipCaseClosed', '', { caseId, reason: 'moved_away' });
    expect(await eligibility()).toEqual(before);
    expect(await countOf(h.infra.dataSource, `SELECT count(*) AS n FROM events`)).toBe(0);
    expect(parked().map((m) => m.headers)).toEqual([
      expect.objectContaining({
        [HEADERS.eventId]: 'closed-without-ref',
        [HEADERS.failureKind]: 'contract',
        [HEADERS.failedConsumer]: 'education-grants:hardship-eligibility',
        [HEADERS.error]:
          'HardshipCaseClosed on hardship.cases.v1 breaks its contract: ' +
          'personRef must be a personRef (64 lower-case hex characters); got nothing (the field is missing)',
      }),
    ]);
  });

  it('stores no tier platinum', async () => {
    const someone = person('parent', 2).ref;
    await publish('platinum', 'HardshipCaseOpened', someone, {
      personRef: someone,
      caseId: 'ca5e0000-0000-4000-8000-000000000002',
      unitId: 'u-1',
      regionCode: '110105',
      tier: 'platinum',
      openedOn: '2026-01-01',
    });
    expect((await eligibility()).map((r) => r.person_ref)).toEqual([other.ref]);
    expect(parked().at(-1)?.headers[HEADERS.error]).toMatch(
      /tier must be one of deep, relative, emergency; got "platinum"$/,
    );
    const metrics = (await request(h.http).get('/metrics').expect(200)).text;
    expect(metrics).toContain(
      'integration_events_dead_lettered_total{consumer="education-grants:hardship-eligibility",topic="hardship.cases.v1",kind="contract"} 2',
    );
  });
});
