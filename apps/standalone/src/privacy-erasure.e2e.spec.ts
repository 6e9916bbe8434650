import { Client } from 'pg';
import { masterKeyFromEnv, rebuildProjections } from '@union/event-store';
import { educationGrantsService } from '@union/education-grants/service';
import { hardshipCasesService } from '@union/hardship-cases/service';
import { addDays, idNumberWithCheckChar, parseIdNumber, personRef, type IsoDate } from '@union/kernel';
import { medicalAidService } from '@union/medical-aid/service';
import { InProcessBus } from '@union/messaging';
import { signDevToken, type Role } from '@union/platform';
import {
  loadServiceSettings,
  openServiceInfra,
  PrivacyService,
  type ServiceDefinition,
  type ServiceInfra,
} from '@union/runtime';
import { productionEnv, startCluster, type Cluster } from '@union/testing';
import { call, eventually, expectCall, TODAY } from './testing/platform-client.fixture';
import { campaignBody, caseBody, claimBody, periodBody } from './testing/platform-world.fixture';

const PROGRAMMES = [hardshipCasesService, educationGrantsService, medicalAidService];
type Programme = 'hardship-cases' | 'education-grants' | 'medical-aid';
/** Every programme's retention: 0 years, so a closed record's retention has passed at once. */
const SERVICE_ENV = {
  RETENTION_YEARS_HARDSHIP_CASES: '0',
  RETENTION_YEARS_EDUCATION_GRANTS: '0',
  RETENTION_YEARS_MEDICAL_AID: '0',
};
/** Where each service's read models keep the person's texts. */
const READ_MODELS: Record<Programme, string> = {
  'hardship-cases': `SELECT (SELECT string_agg(data::text, '') FROM case_summary) || (SELECT string_agg(data::text, '') FROM case_visit) AS t`,
  'education-grants': `SELECT string_agg(data::text, '') AS t FROM grant_application`,
  'medical-aid': `SELECT (SELECT string_agg(data::text, '') FROM membership_summary) || (SELECT string_agg(data::text, '') FROM claim_summary) AS t`,
};

/**
 * Issue 18, erasure end to end on production-mode processes: the gateway and the four services as
 * separate processes on real PostgreSQL (a database each) and the Kafka broker, as
 * privacy-erasure.int.spec.ts tells it on the embedded default. A person with a hardship case
 * (visited, then closed), a grant (disbursed) and a claim (paid) is erased through the gateway;
 * hardship and grants erase at once (every record closed, retention 0 years), medical aid
 * restricts until further notice (the membership stays open while its period's coverage runs: no
 * command on the person's records, out of the claims worklist, still read by the auditor), and its
 * retention sweep, run in the test on the service's own database and master key with the clock of
 * the day after the coverage ends, erases them there. Afterwards every log verifies, the amounts
 * and the fund report are unchanged, and the person's name, masked number and phone appear
 * nowhere: not in the API's or the audit's answers, the evidence exports, the read models (live or
 * rebuilt), nor the raw `events` tables, read straight from each service's database.
 */
describe('erasing a person across the three programmes (processes, real PostgreSQL and Kafka)', () => {
  let cluster: Cluster;
  const databases: Partial<Record<Programme, Client>> = {};
  const person = idNumberWithCheckChar(`41010519700101${String(Date.now()).slice(-3)}`);
  const child = idNumberWithCheckChar(`41010520080101${String(Date.now()).slice(-3)}`);
  const NAME = '欧阳建国';
  const PHONE = '13800001111';
  const masked = `********${person.slice(14)}`;
  let tokens: Record<'cw' | 'rv' | 'admin' | 'au', string>;
  let caseId = '';
  let campaignId = '';
  let periodId = '';
  let claimId = '';
  let ref = '';

  const bearer = async (sub: string, roles: Role[], units: string[]) =>
    `Bearer ${await signDevToken(cluster.jwtSecret, { sub, roles, units }, 1800)}`;
  const get = (token: string, path: string) => expectCall(200, cluster.gatewayUrl, token, 'GET', path);
  const db = (service: Programme): Client => {
    const client = databases[service];
    if (!client) throw new Error(`no connection to ${service}'s database`);
    return client;
  };
  const sql = async (service: Programme, text: string, params: unknown[] = []) =>
    (await db(service).query<{ t: string | null }>(text, params)).rows[0]?.t ?? '';

  beforeAll(async () => {
    cluster = await startCluster('privacy-erasure', { serviceEnv: SERVICE_ENV });
    for (const { name } of PROGRAMMES) {
      const client = new Client({ connectionString: cluster.databaseUrls[name as Programme] });
      await client.connect();
      databases[name as Programme] = client;
    }
    ref = personRef(cluster.secrets.personRefSecret, parseIdNumber(person));
    tokens = {
      cw: await bearer('cw-erase', ['caseworker'], ['u1']),
      rv: await bearer('rv-erase', ['reviewer'], ['*']),
      admin: await bearer('admin-erase', ['admin'], ['*']),
      au: await bearer('au-erase', ['auditor'], ['*']),
    };
    const url = cluster.gatewayUrl;
    const opened = await expectCall(201, url, tokens.cw, 'POST', '/api/v1/hardship/cases', {
      ...caseBody('u1', person),
      person: { idNumber: person, name: NAME, phone: PHONE },
    });
    caseId = String(opened.caseId);
    await expectCall(201, url, tokens.cw, 'POST', `/api/v1/hardship/cases/${caseId}/visits`, {
      visitedOn: TODAY,
      visitor: '李敏',
      findings: `${NAME}卧床，家中三口人。`,
    });
    campaignId = String(
      (await expectCall(201, url, tokens.admin, 'POST', '/api/v1/grants/campaigns', campaignBody()))
        .campaignId,
    );
    // The case reaches education-grants over Kafka; until then the parent is not eligible.
    const application = await eventually(
      'the grants service learns of the case',
      async () => {
        const submitted = await call(url, tokens.cw, 'POST', '/api/v1/grants/applications', {
          campaignId,
          parentIdNumber: person,
          unitId: 'u1',
          student: { idNumber: child, name: '欧阳小明', level: 'undergraduate', school: '郑州大学' },
          consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
        });
        return submitted.status === 201 ? submitted.body : undefined;
      },
      60_000,
    );
    const applicationId = String(application.applicationId);
    await expectCall(200, url, tokens.rv, 'POST', `/api/v1/grants/applications/${applicationId}/approve`, {});
    await expectCall(200, url, tokens.cw, 'POST', `/api/v1/grants/applications/${applicationId}/disburse`, {
      paymentRef: 'BANK-G-1',
      paidOn: TODAY,
    });
    periodId = String(
      (await expectCall(201, url, tokens.admin, 'POST', '/api/v1/medical-aid/periods', periodBody()))
        .periodId,
    );
    await expectCall(200, url, tokens.cw, 'POST', `/api/v1/medical-aid/periods/${periodId}/enrollments`, {
      unitId: 'u1',
      paymentRef: 'PAY-E-1',
      members: [{ idNumber: person, name: NAME, hasBasicMedicalInsurance: true }],
    });
    const claim = await expectCall(
      201,
      url,
      tokens.cw,
      'POST',
      '/api/v1/medical-aid/claims',
      claimBody(periodId, person),
    );
    claimId = String(claim.claimId);
    await expectCall(200, url, tokens.rv, 'POST', `/api/v1/medical-aid/claims/${claimId}/approve`, {});
    await expectCall(200, url, tokens.cw, 'POST', `/api/v1/medical-aid/claims/${claimId}/pay`, {
      paymentRef: 'BANK-M-1',
      paidOn: TODAY,
    });
    // The grant and the claim paid reach the case over Kafka before it is closed; the closing
    // reaches education-grants (the parent no longer has an open case). Then nothing is in flight.
    await eventually(
      'the case records what the other programmes paid',
      async () => {
        const file = await get(tokens.cw, `/api/v1/hardship/cases/${caseId}`);
        return (file.externalAssistance as unknown[]).length >= 2 ? true : undefined;
      },
      60_000,
    );
    await expectCall(200, url, tokens.cw, 'POST', `/api/v1/hardship/cases/${caseId}/close`, {
      reason: 'out_of_hardship',
    });
    await eventually(
      'education-grants learns the case closed',
      async () => {
        const e = await call(url, tokens.cw, 'GET', `/api/v1/grants/eligibility/${person}`);
        return e.status === 200 && (e.body as { hasOpenCase?: boolean }).hasOpenCase === false
          ? true
          : undefined;
      },
      60_000,
    );
  });
  afterAll(async () => {
    for (const client of Object.values(databases)) await client.end();
    await cluster?.stop();
  });

  /** What the API and the audit answer about the person and the money around them. */
  const answers = async () => ({
    person: await get(tokens.rv, `/api/v1/people/${person}`),
    caseFile: await get(tokens.cw, `/api/v1/hardship/cases/${caseId}`),
    cases: await get(tokens.cw, '/api/v1/hardship/cases?pageSize=100'),
    applications: await get(tokens.rv, `/api/v1/grants/applications?campaignId=${campaignId}`),
    claims: await get(tokens.rv, `/api/v1/medical-aid/claims?periodId=${periodId}`),
    // The audit's answer about the person: every event of theirs in every service, opened.
    timeline: await get(tokens.au, `/api/v1/audit/people/${person}/timeline`),
  });
  /** Every evidence export (JSON and CSV) of every stream of the person, in every service. */
  const exports = async () => {
    const files: string[] = [];
    for (const { name } of PROGRAMMES) {
      const streams = await db(name as Programme).query<{ stream_id: string }>(
        `SELECT DISTINCT stream_id FROM events WHERE person_ref = $1 ORDER BY stream_id`,
        [ref],
      );
      expect(streams.rows.length).toBeGreaterThan(0);
      for (const { stream_id: streamId } of streams.rows) {
        for (const format of ['json', 'csv']) {
          const file = await call(
            cluster.gatewayUrl,
            tokens.au,
            'GET',
            `/api/v1/audit/${name}/streams/${encodeURIComponent(streamId)}/export?format=${format}`,
          );
          expect(file.status).toBe(200);
          files.push(file.text);
        }
      }
    }
    return files.join('\n');
  };
  const money = async () => ({
    campaign: await get(tokens.rv, `/api/v1/grants/campaigns/${campaignId}/report`),
    fund: await get(tokens.rv, `/api/v1/medical-aid/periods/${periodId}/fund-report`),
    received: (await get(tokens.rv, `/api/v1/people/${person}`)).receivedThisYearFen,
  });
  const rawEvents = async () =>
    (
      await Promise.all(
        PROGRAMMES.map(({ name }) =>
          sql(name as Programme, `SELECT string_agg(data::text, '') AS t FROM events`),
        ),
      )
    ).join('');
  const readModels = async () =>
    (
      await Promise.all(PROGRAMMES.map(({ name }) => sql(name as Programme, READ_MODELS[name as Programme])))
    ).join('');
  /** The service's infrastructure on its PostgreSQL database, with the services' own master key. */
  const withInfra = async <T>(
    definition: ServiceDefinition,
    use: (infra: ServiceInfra) => Promise<T>,
  ): Promise<T> => {
    const masterKey = masterKeyFromEnv({ PERSONAL_DATA_MASTER_KEY: cluster.secrets.masterKey }, false);
    const infra = await openServiceInfra(
      definition,
      { kind: 'postgres', url: cluster.databaseUrls[definition.name as Programme], poolMax: 2 },
      { kind: 'in-process', bus: new InProcessBus() },
      masterKey,
    );
    try {
      return await use(infra);
    } finally {
      await infra.close();
    }
  };
  const claimsListed = async (token: string) =>
    (
      (await get(token, `/api/v1/medical-aid/claims?periodId=${periodId}`)).items as { claimId: string }[]
    ).map((c) => c.claimId);

  it('erases the person in every service: the logs verify, the amounts stay, the person reads as erased everywhere', async () => {
    const url = cluster.gatewayUrl;
    expect(await rawEvents()).not.toContain(NAME); // sealed from the start
    const before = await answers();
    expect(JSON.stringify(before)).toContain(NAME);
    expect(await exports()).toContain(NAME);
    expect(await readModels()).toContain(NAME);
    const moneyBefore = await money();
    expect(moneyBefore.received).toMatchObject({ grants: 500_000 });

    const request = {
      kind: 'erase',
      reason: '保存期限届满，依申请删除',
      legalBasis: '《个人信息保护法》第四十七条',
    };
    expect(
      (await call(url, tokens.cw, 'POST', `/api/v1/privacy/people/${person}/requests`, request)).status,
    ).toBe(403);
    const erased = await expectCall(
      202,
      url,
      tokens.admin,
      'POST',
      `/api/v1/privacy/people/${person}/requests`,
      request,
    );
    expect(erased).toMatchObject({
      complete: true,
      services: {
        'hardship-cases': { available: true, status: 202, answer: { outcome: 'erased' } },
        'education-grants': { available: true, status: 202, answer: { outcome: 'erased' } },
        // The membership stays open while its period's coverage runs (the member was enrolled
        // today, the claim needed the waiting period): restricted until further notice, the
        // retention end not known yet.
        'medical-aid': {
          available: true,
          status: 202,
          answer: { outcome: 'restricted', until: null, retentionEndsOn: null, erasedAt: null },
        },
      },
    });
    expect(await get(tokens.au, `/api/v1/privacy/people/${person}`)).toMatchObject({
      services: {
        'hardship-cases': { answer: { status: 'erased' } },
        'education-grants': { answer: { status: 'erased' } },
        'medical-aid': {
          answer: { status: 'restricted', until: null, retentionEndsOn: null, openRecords: true },
        },
      },
    });

    // Restricted in medical aid: stored, not used. A new claim for them is refused, nothing stored.
    const eventCount = async () => Number(await sql('medical-aid', `SELECT count(*)::text AS t FROM events`));
    const eventsBefore = await eventCount();
    const refused = await call(
      url,
      tokens.cw,
      'POST',
      '/api/v1/medical-aid/claims',
      claimBody(periodId, person, 300_000, 100_000),
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'PERSON_RESTRICTED', status: 422 });
    expect(await eventCount()).toBe(eventsBefore);
    // Out of the claims worklist, still in the auditor's list; the audit still reads the person.
    expect(await claimsListed(tokens.rv)).not.toContain(claimId);
    expect(await claimsListed(tokens.cw)).not.toContain(claimId);
    expect(await claimsListed(tokens.au)).toContain(claimId);
    expect(JSON.stringify(await get(tokens.au, `/api/v1/audit/people/${person}/timeline`))).toContain(NAME);

    // The retention sweep, as medical aid's own timer runs it (PRIVACY_SWEEP_INTERVAL_MS), on its
    // database with its master key and settings: nobody due today, the person on the day after
    // the period's coverage ends (retention 0 years).
    const period = await get(tokens.rv, `/api/v1/medical-aid/periods/${periodId}`);
    const coverageEnd = period.coverageEnd as IsoDate;
    const settings = loadServiceSettings('medical-aid', {
      ...productionEnv('medical-aid', cluster.secrets),
      ...SERVICE_ENV,
    });
    const dayAfter = new Date(`${addDays(coverageEnd, 1)}T12:00:00+08:00`);
    const swept = await withInfra(medicalAidService, async (infra) => {
      const privacy = new PrivacyService(infra, settings);
      return { today: await privacy.sweep(new Date()), dayAfter: await privacy.sweep(dayAfter) };
    });
    expect(swept).toEqual({ today: 0, dayAfter: 1 });

    for (const { name } of PROGRAMMES) {
      expect(await get(tokens.au, `/api/v1/audit/${name}/verify`)).toMatchObject({ valid: true });
    }
    const after = await answers();
    // A lookup by identity number answers that number masked (the caller typed it): not a record.
    const echo = `"idNumberMasked":"${person.slice(0, 6)}${masked}"`;
    const answered = JSON.stringify(after).replaceAll(`{${echo},`, '{');
    const everywhere = [answered, await exports(), await readModels(), await rawEvents()].join('\n');
    for (const text of [NAME, masked, PHONE]) expect(everywhere).not.toContain(text);
    expect(JSON.stringify(after.caseFile)).toContain('[erased]');
    expect(await money()).toEqual(moneyBefore);
    // The child is a person of their own: their name stays until they are erased.
    expect(JSON.stringify(after.applications)).toContain('欧阳小明');

    // The live read models, scrubbed by the erasure, are what a rebuild makes of the log.
    for (const { name } of PROGRAMMES) {
      const compared = await expectCall(
        200,
        url,
        tokens.admin,
        'POST',
        `/api/v1/audit/${name}/rebuild-compare`,
      );
      expect(compared).toMatchObject({ equal: true });
    }
    // Rebuilt for real, with the services' own master key, they read as erased too.
    for (const definition of PROGRAMMES) {
      await withInfra(definition, (infra) =>
        rebuildProjections(infra.dataSource, infra.store, definition.projections),
      );
    }
    const rebuilt = await readModels();
    for (const text of [NAME, masked, PHONE]) expect(rebuilt).not.toContain(text);
    expect(await money()).toEqual(moneyBefore);
    for (const { name } of PROGRAMMES) {
      expect(await get(tokens.au, `/api/v1/audit/${name}/verify`)).toMatchObject({ valid: true });
    }

    const status = await get(tokens.au, `/api/v1/privacy/people/${person}`);
    expect(status).toMatchObject({
      complete: true,
      services: {
        'hardship-cases': { answer: { status: 'erased' } },
        'education-grants': { answer: { status: 'erased' } },
        'medical-aid': { answer: { status: 'erased' } },
      },
    });
  });
});
