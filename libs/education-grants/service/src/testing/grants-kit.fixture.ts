// The grants service as most int tests drive it: a harness, the usual users and a few shortcuts.
import { startServiceHarness, type ServiceHarness } from '@union/testing';
import { EducationGrantsModule } from '../education-grants.module';
import { educationGrantsService } from '../education-grants.service-definition';
import { applicationBody, as, campaignBody, openHardshipCase } from './grants-harness.fixture';

export const APPLICATIONS = '/api/v1/grants/applications';
export const CAMPAIGNS = '/api/v1/grants/campaigns';

type Client = ReturnType<typeof as>;

export interface GrantsKit {
  h: ServiceHarness;
  admin: Client;
  /** Caseworker `cw-1` of unit `u-1`. */
  caseworker: Client;
  /** Reviewer `rv-1` of every unit. */
  reviewer: Client;
  /** A client for another user. */
  client(sub: string, roles: Parameters<ServiceHarness['token']>[1], units?: string[]): Promise<Client>;
  /** Opens a campaign (`campaignBody` with overrides) and returns its id. */
  openCampaign(overrides?: Record<string, unknown>): Promise<string>;
  /** The campaign as `GET /campaigns/{id}` shows it. */
  campaign(campaignId: string): Promise<Record<string, unknown>>;
  /** A new submitted application (500,000 fen, undergraduate) of a new eligible parent; its id. */
  submitted(campaignId: string, by?: Client): Promise<string>;
  /** The parent/student serial the last `submitted` used. */
  lastSerial(): number;
  /** How many events a stream holds. */
  eventCount(streamId: string): Promise<number>;
  close(): Promise<void>;
}

export async function startGrantsKit(): Promise<GrantsKit> {
  const h = await startServiceHarness(educationGrantsService, (i, s) => EducationGrantsModule.register(i, s));
  const client = async (sub: string, roles: Parameters<ServiceHarness['token']>[1], units?: string[]) =>
    as(h.http, await h.token(sub, roles, units));
  const admin = await client('admin-1', ['admin']);
  const caseworker = await client('cw-1', ['caseworker'], ['u-1']);
  let serial = 100;
  return {
    h,
    admin,
    caseworker,
    reviewer: await client('rv-1', ['reviewer']),
    client,
    async openCampaign(overrides = {}) {
      const res = await admin.post(CAMPAIGNS).send(campaignBody(overrides)).expect(201);
      return (res.body as { campaignId: string }).campaignId;
    },
    async campaign(campaignId) {
      return (await admin.get(`${CAMPAIGNS}/${campaignId}`).expect(200)).body as Record<string, unknown>;
    },
    async submitted(campaignId, by = caseworker) {
      serial += 1;
      await openHardshipCase(h.bus, serial, 'deep');
      const res = await by
        .post(APPLICATIONS)
        .send(applicationBody(campaignId, serial, serial))
        .expect(201);
      return (res.body as { applicationId: string }).applicationId;
    },
    lastSerial: () => serial,
    eventCount: async (streamId) => (await h.infra.store.readStream(streamId)).length,
    close: () => h.close(),
  };
}
