import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { parsePurpose, validateIdNumber } from '@union/kernel';
import { ProblemException, Roles } from '@union/platform';
import { PersonViewService, type PersonView } from './person-view';

/** `GET /api/v1/people/{idNumber}` (API.md, "People"): composed at the gateway. */
@Controller('api/v1/people')
export class PeopleController {
  constructor(private readonly people: PersonViewService) {}

  @Get(':idNumber')
  @Roles('caseworker', 'reviewer', 'auditor')
  async person(
    @Param('idNumber') raw: string,
    @Query('purpose') rawPurpose: unknown,
    @Headers('authorization') authorization: string,
  ): Promise<PersonView> {
    // Checked here too, so a bad purpose asks no service (each service checks it again).
    const purpose = parsePurpose(rawPurpose);
    const id = validateIdNumber(raw);
    if (!id.ok) {
      throw new ProblemException('VALIDATION_FAILED', id.reason, {
        errors: [{ field: 'idNumber', message: id.reason }],
      });
    }
    return this.people.view(id.value, authorization, purpose);
  }
}
