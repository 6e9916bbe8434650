import { OrgReportQuery } from '@union/runtime';

/** `GET /api/v1/grants/campaigns/{id}/report?orgId=&groupBy=child`: applications of the subtree. */
export class CampaignReportQuery extends OrgReportQuery {}
