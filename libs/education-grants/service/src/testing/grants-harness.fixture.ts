// Fixtures of the grants service's int and e2e tests (never imported by production code).
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import { TOPICS, type HardshipTier } from '@union/contracts';
import { addDays, chinaToday, idNumberWithCheckChar, parseIdNumber, personRef } from '@union/kernel';
import { InProcessPublisher, type InProcessBus } from '@union/messaging';
import { TEST_PERSON_REF_SECRET } from '@union/testing';

/** Today's business date in China, and days around it, for windows relative to now. */
export const today = (): string => chinaToday(new Date());
export const daysFromToday = (n: number): string => addDays(today(), n);

/** A person for tests: a valid identity number (serial 0-999) and the ref every service derives. */
export function person(kind: 'parent' | 'student', serial: number): { idNumber: string; ref: string } {
  const birth = kind === 'parent' ? '19800101' : '20080101';
  const idNumber = idNumberWithCheckChar(`110105${birth}${String(serial).padStart(3, '0')}`);
  return { idNumber, ref: personRef(TEST_PERSON_REF_SECRET, parseIdNumber(idNumber)) };
}

/** The body of `POST /campaigns`: open today through two weeks from now, school in three. */
export function campaignBody(overrides: Record<string, unknown> = {}) {
  return {
    year: 2026,
    name: '金秋助学',
    budgetFen: 10_000_000,
    opensOn: today(),
    closesOn: daysFromToday(14),
    schoolStartOn: daysFromToday(21),
    amountsByLevelFen: { senior_high: 200_000, undergraduate: 500_000 },
    ...overrides,
  };
}

/** The body of `POST /applications` for a parent and a student of unit `u-1`. */
export function applicationBody(
  campaignId: string,
  parent: number,
  student: number,
  overrides: Record<string, unknown> = {},
) {
  return {
    campaignId,
    parentIdNumber: person('parent', parent).idNumber,
    unitId: 'u-1',
    consent: { documentRef: '青工助授〔2026〕0001号', signedOn: '2026-01-05' },
    student: {
      idNumber: person('student', student).idNumber,
      name: '王小明',
      level: 'undergraduate',
      school: '青海大学',
    },
    ...overrides,
  };
}

type HardshipEventType =
  'HardshipCaseOpened' | 'HardshipTierChanged' | 'HardshipCaseClosed' | 'HardshipCaseReopened';

/** Publishes one hardship event as the hardship service's relay would, and waits for the consumers. */
export async function publishHardship(
  bus: InProcessBus,
  type: HardshipEventType,
  data: { personRef: string; caseId: string } & Record<string, unknown>,
  eventId: string = randomUUID(),
): Promise<void> {
  const correlationId = randomUUID();
  await new InProcessPublisher(bus).publish([
    {
      topic: TOPICS.hardshipCases,
      key: data.personRef,
      value: data,
      headers: {
        'event-id': eventId,
        'event-type': type,
        'event-version': '1',
        'correlation-id': correlationId,
        'causation-id': correlationId,
        source: 'hardship-cases',
        'occurred-at': new Date().toISOString(),
      },
    },
  ]);
  await bus.idle();
}

/** The parent `serial` gets an open hardship case of `tier`; returns the case id. */
export async function openHardshipCase(
  bus: InProcessBus,
  serial: number,
  tier: HardshipTier = 'deep',
): Promise<string> {
  const caseId = randomUUID();
  const { ref } = person('parent', serial);
  await publishHardship(bus, 'HardshipCaseOpened', {
    personRef: ref,
    caseId,
    unitId: 'u-1',
    regionCode: '110105',
    tier,
    openedOn: today(),
  });
  return caseId;
}

/** Supertest with a bearer token. */
export const as = (http: Server, token: string) => ({
  get: (path: string) => request(http).get(path).auth(token, { type: 'bearer' }),
  post: (path: string) => request(http).post(path).auth(token, { type: 'bearer' }),
});

/** The number a `SELECT count(*) AS n …` query gives. */
export async function countOf(dataSource: DataSource, sql: string): Promise<number> {
  const [row] = await dataSource.query<{ n: string }[]>(sql);
  return Number(row.n);
}
