import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { HEADERS, TOPICS, type OrganisationIntegrationEvent } from '@union/contracts';
import { applyOrgUnitEvent, type ServiceSettings } from '@union/runtime';
import { idNumberWithCheckChar, parseIdNumber, personRef } from '@union/kernel';
import { InProcessPublisher } from '@union/messaging';
import type { Role } from '@union/platform';
import { startServiceHarness, type ServiceHarness } from '@union/testing';
import { HardshipCasesModule } from '../hardship-cases.module';
import { hardshipCasesService } from '../hardship-cases.service-definition';

/** Test fixtures of the hardship service's int specs (not exported from the lib). */
export interface HardshipHarness extends ServiceHarness {
  /** `request(h.http)` with a bearer token of `sub` holding `roles` for `units`. */
  as(sub: string, roles: Role[], units?: string[]): Promise<Client>;
  /** Publishes an integration event on the bus the way the other services' relays do; resolves once consumed. */
  publish(
    topic: string,
    type: string,
    data: Record<string, unknown> & { personRef: string },
    options?: PublishOptions,
  ): Promise<string>;
  eventCount(): Promise<number>;
}

export interface PublishOptions {
  eventId?: string;
  version?: number;
  occurredAt?: string;
  correlationId?: string;
}

type Method = 'get' | 'post' | 'put';
export type Client = Record<Method, (path: string) => request.Test>;

export const HARDSHIP = '/api/v1/hardship';

/** A valid identity number per `n` (1..999): distinct people for distinct tests. */
export const idNumberOf = (n: number): string =>
  idNumberWithCheckChar(`11010519800101${String(n).padStart(3, '0')}`);

export async function startHardshipHarness(
  env: Record<string, string> = {},
  settings: Partial<ServiceSettings> = {},
): Promise<HardshipHarness> {
  const h = await startServiceHarness(
    hardshipCasesService,
    (i, s) => HardshipCasesModule.register(i, s, { env }),
    undefined,
    settings,
  );
  const publisher = new InProcessPublisher(h.bus);
  return {
    ...h,
    async as(sub, roles, units = ['*']) {
      const token = await h.token(sub, roles, units);
      const call = (method: Method) => (path: string) =>
        request(h.http)[method](path).auth(token, { type: 'bearer' });
      return { get: call('get'), post: call('post'), put: call('put') };
    },
    async publish(topic, type, data, options = {}) {
      const eventId = options.eventId ?? randomUUID();
      await publisher.publish([
        {
          topic,
          key: data.personRef,
          value: data,
          headers: {
            [HEADERS.eventId]: eventId,
            [HEADERS.eventType]: type,
            [HEADERS.eventVersion]: String(options.version ?? 1),
            [HEADERS.correlationId]: options.correlationId ?? eventId,
            [HEADERS.causationId]: eventId,
            [HEADERS.source]: topic === TOPICS.educationGrants ? 'education-grants' : 'medical-aid',
            [HEADERS.occurredAt]: options.occurredAt ?? new Date().toISOString(),
          },
        },
      ]);
      await h.bus.idle();
      return eventId;
    },
    async eventCount() {
      const [{ n }] = await h.infra.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM events`,
      );
      return n;
    },
  };
}

/** The person ref the other services would send for an identity number. */
export const refOf = (h: ServiceHarness, idNumber: string): string =>
  personRef(h.settings.personRefSecret, parseIdNumber(idNumber));

/** A body for `POST /cases` of a deep-tier household (per-capita 750 yuan) in unit `u-1`. */
export function openCaseBody(idNumber: string, overrides: Record<string, unknown> = {}) {
  return {
    person: { idNumber, name: '王建国', phone: '13800138000' },
    unitId: 'u-1',
    regionCode: '110105',
    household: { size: 4, monthlyIncomeFen: 300_000 },
    causes: ['illness'],
    channel: 'walk_in',
    consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
    ...overrides,
  };
}

/** Opens a case as caseworker `cw-1` of `u-1`; returns its id. */
export async function openCase(
  h: HardshipHarness,
  idNumber: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const cw = await h.as('cw-1', ['caseworker'], ['u-1']);
  const res = await cw.post(`${HARDSHIP}/cases`).send(openCaseBody(idNumber, overrides)).expect(201);
  return (res.body as { caseId: string }).caseId;
}

/**
 * Sets up a fund as an admin (`POST /funds`); by default one of 1,000,000 yuan for any category
 * held by `u-1`, the unit of {@link openCase}'s cases. Returns its id.
 */
export async function createFund(
  h: HardshipHarness,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const admin = await h.as('admin-1', ['admin'], ['*']);
  const body = {
    name: '困难职工帮扶专项资金',
    year: 2025,
    category: 'any',
    holderOrgId: 'u-1',
    amountFen: 100_000_000,
  };
  const res = await admin
    .post(`${HARDSHIP}/funds`)
    .send({ ...body, ...overrides })
    .expect(201);
  return (res.body as { fundId: string }).fundId;
}

/** Feeds the service's copy of the union's tree, as `organisation.units.v1` would: `[orgId, parentId]` pairs, parents first. */
export async function growTree(
  h: HardshipHarness,
  nodes: readonly (readonly [string, string])[],
): Promise<void> {
  for (const [orgId, parentId] of nodes) {
    const event: OrganisationIntegrationEvent = {
      type: 'OrgUnitCreated',
      version: 1,
      data: {
        orgId,
        parentId,
        name: orgId,
        level: parentId === '' ? 'province' : 'city',
        regionCode: '410000',
      },
    };
    await applyOrgUnitEvent(h.infra.dataSource.manager, event);
  }
}
