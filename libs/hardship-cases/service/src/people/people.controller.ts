import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseIdNumber } from '@union/kernel';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { PersonRecords } from './person-records.service';
import type { PersonRecordsView } from './person-records.view';

/** `GET /api/v1/hardship/people/{idNumber}`: this programme's part of the gateway's person view. */
@ApiTags('hardship')
@Controller('api/v1/hardship/people')
export class PeopleController {
  constructor(private readonly records: PersonRecords) {}

  /** 200 also for a person without records (empty lists); 400 VALIDATION_FAILED for a bad number. */
  @Get(':idNumber')
  @Roles('caseworker', 'reviewer', 'auditor', 'admin')
  person(
    @Param('idNumber') idNumber: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PersonRecordsView> {
    return this.records.of(parseIdNumber(idNumber), principal);
  }
}
