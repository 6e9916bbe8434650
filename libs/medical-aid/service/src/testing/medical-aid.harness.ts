// Int-test support for this service (used by *.int.spec.ts only): the harness, people, periods
// and what the hardship service would publish.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { HEADERS, TOPICS, type HardshipTier } from '@union/contracts';
import { chinaToday, idNumberWithCheckChar, parseIdNumber, personRef } from '@union/kernel';
import { InProcessPublisher } from '@union/messaging';
import type { Role } from '@union/platform';
import type { ServiceSettings } from '@union/runtime';
import { startServiceHarness, TEST_PERSON_REF_SECRET, type ServiceHarness } from '@union/testing';
import { MedicalAidModule } from '../medical-aid.module';
import { medicalAidService } from '../medical-aid.service-definition';
import { periodBody } from './period-body.fixture';

export { periodBody };

export const API = '/api/v1/medical-aid';
export const TODAY = chinaToday(new Date());

/** The service on PGlite and the in-process bus (settings as given, e.g. `retentionYears`). */
export const startMedicalAid = (overrides: Partial<ServiceSettings> = {}): Promise<ServiceHarness> =>
  startServiceHarness(
    medicalAidService,
    (infra, settings) => MedicalAidModule.register(infra, settings),
    undefined,
    overrides,
  );

/** The n-th test person's identity number (born 1985-01-01 in Xining), valid check character. */
export const idNumber = (n: number): string =>
  idNumberWithCheckChar(`63010219850101${String(n).padStart(3, '0')}`);
export const refOf = (id: string): string => personRef(TEST_PERSON_REF_SECRET, parseIdNumber(id));

/** A bill of `totalFen` of which basic insurance paid `basicFen`. */
export const bill = (totalFen: number, basicFen: number) => ({
  totalFen,
  basicInsurancePaidFen: basicFen,
  seriousIllnessInsurancePaidFen: 0,
  medicalAssistancePaidFen: 0,
  employerPaidFen: 0,
  otherPaidFen: 0,
});

/** Bearer tokens and a supertest agent per role. */
export function actors(h: ServiceHarness) {
  const as = async (sub: string, roles: Role[], units?: string[]) =>
    `Bearer ${await h.token(sub, roles, units)}`;
  return {
    admin: () => as('admin-1', ['admin']),
    caseworker: (units: string[] = ['*'], sub = 'cw-1') => as(sub, ['caseworker'], units),
    reviewer: (units: string[] = ['*'], sub = 'rv-1') => as(sub, ['reviewer'], units),
    auditor: () => as('au-1', ['auditor'], ['u-elsewhere']),
  };
}

/** Opens a period as admin and returns its id. */
export async function openPeriod(
  h: ServiceHarness,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await request(h.http)
    .post(`${API}/periods`)
    .set('Authorization', await actors(h).admin())
    .send(periodBody(overrides))
    .expect(201);
  return (res.body as { periodId: string }).periodId;
}

/** Enrolls `ids` for `unitId` as an all-units caseworker. */
export async function enroll(h: ServiceHarness, periodId: string, ids: string[], unitId = 'unit-1') {
  const members = ids.map((id, i) => ({ idNumber: id, name: `会员${i}`, hasBasicMedicalInsurance: true }));
  return request(h.http)
    .post(`${API}/periods/${periodId}/enrollments`)
    .set('Authorization', await actors(h).caseworker())
    .send({ unitId, paymentRef: `PAY-${unitId}`, members })
    .expect(200);
}

/** What the hardship service publishes when it opens a case, delivered to this service's consumer. */
export async function hardshipCaseOpened(h: ServiceHarness, id: string, tier: HardshipTier): Promise<void> {
  const ref = refOf(id);
  const eventId = randomUUID();
  await new InProcessPublisher(h.bus).publish([
    {
      topic: TOPICS.hardshipCases,
      key: ref,
      value: {
        personRef: ref,
        caseId: randomUUID(),
        unitId: 'unit-1',
        regionCode: '630102',
        tier,
        openedOn: TODAY,
      },
      headers: {
        [HEADERS.eventId]: eventId,
        [HEADERS.eventType]: 'HardshipCaseOpened',
        [HEADERS.eventVersion]: '1',
        [HEADERS.correlationId]: eventId,
        [HEADERS.causationId]: eventId,
        [HEADERS.source]: 'hardship-cases',
        [HEADERS.occurredAt]: new Date().toISOString(),
      },
    },
  ]);
  await h.bus.idle();
}

/** Every event in the log, for "nothing stored" checks. */
export async function eventCount(h: ServiceHarness): Promise<number> {
  const [row]: { n: string }[] = await h.infra.dataSource.query(`SELECT count(*) AS n FROM events`);
  return Number(row.n);
}

/** Submits a claim (as an all-units caseworker `cw-1`) admitted and discharged today; returns the response. */
export async function submitClaim(
  h: ServiceHarness,
  periodId: string,
  id: string,
  hospital: string,
  claimBill: object,
  status = 201,
) {
  return request(h.http)
    .post(`${API}/claims`)
    .set('Authorization', await actors(h).caseworker())
    .send({
      periodId,
      idNumber: id,
      hospital,
      admittedOn: TODAY,
      dischargedOn: TODAY,
      diagnosisCode: 'C34.9',
      bill: claimBill,
    })
    .expect(status);
}

/** Runs `action` (approve, reject, pay) on a claim as `auth`. */
export async function act(
  h: ServiceHarness,
  claimId: string,
  action: string,
  auth: string,
  body: object,
  status = 200,
) {
  return request(h.http)
    .post(`${API}/claims/${claimId}/${action}`)
    .set('Authorization', auth)
    .send(body)
    .expect(status);
}
