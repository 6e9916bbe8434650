import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseIdNumber } from '@union/kernel';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { PersonRecords, type PersonRecordsView } from './person-records.service';

/** `GET /people/{idNumber}`: the person's memberships, claims and what they received this year. */
@ApiTags('medical-aid')
@Controller('api/v1/medical-aid/people')
export class PeopleController {
  constructor(private readonly people: PersonRecords) {}

  @Get(':idNumber')
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  get(
    @Param('idNumber') idNumber: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonRecordsView> {
    return this.people.records(parseIdNumber(idNumber), principal);
  }
}
