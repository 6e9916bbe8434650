import request from 'supertest';
import { evolveFund, fundRemainingFen, initialFundState, type FundEvent } from '@union/hardship-cases/domain';
import { HARDSHIP, idNumberOf, openCaseBody } from '../testing/hardship.harness';
import { startHardshipOnPostgres, type PostgresHardship } from '../testing/postgres-service.fixture';

const AMOUNT = 100_000;
const FITS = 5;
const RACERS = 16;

/**
 * DOMAIN.md §4: "the fund's balance may never go below zero, under concurrent requests as much as
 * under one." Real PostgreSQL, a pool of 20 connections, 16 caseworkers giving assistance on 16
 * different cases at once from one fund that covers 5: the fund's lock and expected version
 * serialise them; exactly the covered ones are recorded, on the case and on the fund.
 */
describe('concurrent assistance against one fund (real PostgreSQL)', () => {
  let s: PostgresHardship;
  beforeAll(async () => {
    s = await startHardshipOnPostgres('hardship_fund_race');
  });
  afterAll(() => s.close());

  it(`lets exactly ${FITS} of ${RACERS} simultaneous draws through; the others get 409 BUDGET_EXHAUSTED`, async () => {
    const auth = (token: string) => (path: string) =>
      request(s.http).post(path).auth(token, { type: 'bearer' });
    const admin = auth(await s.token('admin-1', ['admin']));
    const fundId = (
      await admin(`${HARDSHIP}/funds`)
        .send({
          name: '送温暖专项资金',
          year: 2025,
          category: 'any',
          holderOrgId: 'u-1',
          amountFen: FITS * AMOUNT,
        })
        .expect(201)
    ).body.fundId;
    const opener = auth(await s.token('cw-0', ['caseworker'], ['u-1']));
    const caseIds: string[] = [];
    for (let n = 1; n <= RACERS; n++) {
      caseIds.push(
        (
          await opener(`${HARDSHIP}/cases`)
            .send(openCaseBody(idNumberOf(n)))
            .expect(201)
        ).body.caseId,
      );
    }
    const workers = await Promise.all(caseIds.map((_, i) => s.token(`cw-${i + 1}`, ['caseworker'], ['u-1'])));

    const answers = await Promise.all(
      caseIds.map((caseId, i) =>
        auth(workers[i])(`${HARDSHIP}/cases/${caseId}/assistance`).send({
          kind: 'cash',
          category: 'holiday',
          amountFen: AMOUNT,
          fundId,
          description: '春节送温暖慰问金',
        }),
      ),
    );

    const ok = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status === 409);
    expect(ok).toHaveLength(FITS);
    expect(refused).toHaveLength(RACERS - FITS);
    for (const r of refused)
      expect(r.body).toMatchObject({ code: 'BUDGET_EXHAUSTED', remainingFen: 0, requestedFen: AMOUNT });

    const fund = (
      await request(s.http)
        .get(`${HARDSHIP}/funds/${fundId}`)
        .auth(await s.token('admin-1', ['admin']), { type: 'bearer' })
        .expect(200)
    ).body;
    expect(fund).toMatchObject({
      amountFen: FITS * AMOUNT,
      spentFen: FITS * AMOUNT,
      remainingFen: 0,
      version: 1 + FITS,
    });

    // The log agrees: one draw per recorded assistance, and the balance never below zero at any event.
    const events = await s.infra.store.readStream(`fund-${fundId}`);
    const draws = events
      .filter((e) => e.type === 'FundDrawn')
      .map((e) => (e.data as { assistanceId: string }).assistanceId);
    expect(draws.sort()).toEqual(ok.map((r) => r.body.assistanceId as string).sort());
    let state = initialFundState();
    for (const e of events) {
      state = evolveFund(state, { type: e.type, data: e.data } as FundEvent);
      expect(fundRemainingFen(state)).toBeGreaterThanOrEqual(0);
    }
    expect(fundRemainingFen(state)).toBe(0);
    const [{ n }] = await s.infra.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'AssistanceRecorded'`,
    );
    expect(n).toBe(FITS);
  });
});
