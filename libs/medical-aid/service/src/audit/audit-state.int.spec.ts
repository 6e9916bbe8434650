import request from 'supertest';
import { claimDecider } from '@union/medical-aid/domain';
import type { ServiceHarness } from '@union/testing';
import {
  act,
  actors,
  bill,
  enroll,
  idNumber,
  openPeriod,
  startMedicalAid,
  submitClaim,
} from '../testing/medical-aid.harness';

const AUDIT = '/api/v1/audit';
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A claim's state as of a version and an instant, with the live decider's evolve. */
describe('audit state of a claim (medical-aid, PGlite)', () => {
  let h: ServiceHarness;

  beforeAll(async () => {
    h = await startMedicalAid();
  });
  afterAll(() => h.close());

  it('folds the claim up to a version or an instant', async () => {
    const periodId = await openPeriod(h);
    const id = idNumber(41);
    await enroll(h, periodId, [id]);
    const submitted = await submitClaim(h, periodId, id, '人民医院', bill(2_000_000, 1_000_000));
    const claimId = (submitted.body as { claimId: string }).claimId;
    await new Promise((r) => setTimeout(r, 5));
    await act(h, claimId, 'approve', await actors(h).reviewer(), {});
    const streamId = `claim-${claimId}`;
    const events = await h.infra.store.readStream(streamId);
    const fold = (n: number) =>
      events.slice(0, n).reduce((s, e) => claimDecider.evolve(s, e as never), claimDecider.initialState());
    const auditor = await actors(h).auditor();
    const get = (query: string) =>
      request(h.http)
        .get(`${AUDIT}/streams/${streamId}/state${query}`)
        .set('Authorization', auditor)
        .expect(200);
    const v1 = await get('?asOfVersion=1');
    expect(v1.body).toMatchObject({
      service: 'medical-aid',
      streamType: 'claim',
      version: 1,
      state: json(fold(1)),
    });
    const instant = await get(`?asOf=${events[0].recordedAt.toISOString()}`);
    expect(instant.body).toMatchObject({ version: 1, state: json(fold(1)) });
    const now = await get('');
    expect(now.body).toMatchObject({ version: events.length, state: json(fold(events.length)) });
    expect(events.length).toBeGreaterThan(1);
  });
});
