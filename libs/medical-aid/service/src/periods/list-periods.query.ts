import { PageQuery } from '@union/platform';

/** `GET /api/v1/medical-aid/periods` (docs/api-changes.md): paging only; newest opened first. */
export class ListPeriodsQuery extends PageQuery {}
