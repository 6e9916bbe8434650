import { PageQuery } from '@union/platform';

/** `GET /api/v1/medical-aid/periods`: the periods to pick from (beyond API.md), paged. */
export class ListPeriodsQuery extends PageQuery {}
