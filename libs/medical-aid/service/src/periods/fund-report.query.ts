import { OrgReportQuery } from '@union/runtime';

/** `GET /api/v1/medical-aid/periods/{id}/fund-report?orgId=&groupBy=child`: members and claims of the subtree. */
export class FundReportQuery extends OrgReportQuery {}
