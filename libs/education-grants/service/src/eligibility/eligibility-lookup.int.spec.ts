import type { ServiceHarness } from '@union/testing';
import { startServiceHarness } from '@union/testing';
import { EducationGrantsModule } from '../education-grants.module';
import { educationGrantsService } from '../education-grants.service-definition';
import { as, openHardshipCase, person, publishHardship } from '../testing/grants-harness.fixture';

const ELIGIBILITY = '/api/v1/grants/eligibility';

/**
 * Issue 13.4: the eligibility lookup tells any caseworker what decides the grant (an open case,
 * its tier) but names the hardship case, which may be another unit's, only to readers of every
 * unit; a closed case reads like no case; every lookup is in the access log (13.7).
 */
describe('GET /grants/eligibility/{idNumber} (PGlite)', () => {
  let h: ServiceHarness;
  let openCaseId: string;
  const open = person('parent', 901);
  const closed = person('parent', 902);
  const unknown = person('parent', 903);

  beforeAll(async () => {
    h = await startServiceHarness(educationGrantsService, (i, s) => EducationGrantsModule.register(i, s));
    openCaseId = await openHardshipCase(h.bus, 901, 'relative');
    const closedCaseId = await openHardshipCase(h.bus, 902, 'deep');
    await publishHardship(h.bus, 'HardshipCaseClosed', {
      personRef: closed.ref,
      caseId: closedCaseId,
      reason: 'income_recovered',
    });
  });
  afterAll(() => h.close());

  const lookup = async (
    sub: string,
    roles: Parameters<ServiceHarness['token']>[1],
    units: string[],
    id: string,
  ) =>
    (
      await as(h.http, await h.token(sub, roles, units))
        .get(`${ELIGIBILITY}/${id}`)
        .expect(200)
    ).body as Record<string, unknown>;

  it("tells a caseworker of another unit that the parent is eligible, and the tier, without the case's id", async () => {
    const answer = await lookup('cw-9', ['caseworker'], ['u-9'], open.idNumber);
    expect(answer).toEqual({
      idNumberMasked: `110105********${open.idNumber.slice(14)}`,
      hasOpenCase: true,
      tier: 'relative',
    });
    expect(JSON.stringify(await lookup('rv-9', ['reviewer'], ['u-9'], open.idNumber))).not.toContain(
      openCaseId,
    );
  });

  it('names the case to auditors and to readers of every unit', async () => {
    expect(await lookup('au-1', ['auditor'], [], open.idNumber)).toMatchObject({ caseId: openCaseId });
    expect(await lookup('cw-all', ['caseworker'], ['*'], open.idNumber)).toMatchObject({
      caseId: openCaseId,
    });
  });

  it('answers a closed case of another unit exactly as no case at all', async () => {
    const withoutName = ({ idNumberMasked: _m, ...rest }: Record<string, unknown>) => rest;
    const ofClosed = await lookup('cw-9', ['caseworker'], ['u-9'], closed.idNumber);
    const ofUnknown = await lookup('cw-9', ['caseworker'], ['u-9'], unknown.idNumber);
    expect(withoutName(ofClosed)).toEqual(withoutName(ofUnknown));
    expect(withoutName(ofClosed)).toEqual({ hasOpenCase: false, tier: null });
  });

  it("records every lookup in the access log, a caseworker's of named units too", async () => {
    await lookup('cw-log', ['caseworker'], ['u-1'], open.idNumber.toLowerCase());
    const rows: { actor: string; path: string; subject: string; units: string[] }[] =
      await h.infra.dataSource.query(
        `SELECT actor, path, subject, units FROM audit_access_log WHERE actor = 'cw-log'`,
      );
    expect(rows).toEqual([
      {
        actor: 'cw-log',
        path: `${ELIGIBILITY}/110105********${open.idNumber.slice(14).toLowerCase()}`,
        subject: open.ref,
        units: ['u-1'],
      },
    ]);
  });
});
