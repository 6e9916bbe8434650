// Int-test support for this service (used by *.int.spec.ts only).
import request from 'supertest';
import type { Role } from '@union/platform';
import { startServiceHarness, type ServiceHarness } from '@union/testing';
import { OrganisationModule } from '../organisation.module';
import { organisationService } from '../organisation.service-definition';

export const ORG = '/api/v1/org';

/** The service on PGlite and the in-process bus. */
export const startOrganisation = (): Promise<ServiceHarness> =>
  startServiceHarness(organisationService, (infra, settings) => OrganisationModule.register(infra, settings));

/** The bearer of a user with `roles`. */
export const bearer = async (
  h: ServiceHarness,
  roles: Role[],
  units: string[] = ['*'],
  sub = `${roles[0]}-1`,
) => `Bearer ${await h.token(sub, roles, units)}`;

/** Creates a node as admin and returns the response. */
export async function createUnit(h: ServiceHarness, body: Record<string, unknown>, status = 201) {
  return request(h.http)
    .post(`${ORG}/units`)
    .set('Authorization', await bearer(h, ['admin']))
    .send(body)
    .expect(status);
}

/** Every event in the log, for "nothing stored" checks. */
export async function eventCount(h: ServiceHarness): Promise<number> {
  const [row]: { n: number }[] = await h.infra.dataSource.query(`SELECT count(*)::int AS n FROM events`);
  return row.n;
}
