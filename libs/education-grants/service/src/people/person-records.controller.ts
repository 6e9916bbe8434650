import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseIdNumber } from '@union/kernel';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { requestFacts } from '@union/runtime';
import { PersonRecordsReader, type PersonRecordsView } from './person-records.reader';

/** `GET /api/v1/grants/people/{idNumber}`: this programme's part of the gateway's person view. */
@ApiTags('grants')
@Controller('api/v1/grants/people')
export class PersonRecordsController {
  constructor(private readonly reader: PersonRecordsReader) {}

  @Get(':idNumber')
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  person(
    @Param('idNumber') idNumber: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonRecordsView> {
    const { today } = requestFacts(principal);
    return this.reader.records(parseIdNumber(idNumber, { field: 'idNumber', today }), principal, today);
  }
}
