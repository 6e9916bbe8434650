import { Controller, Get, Inject, Param, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseIdNumber, type IdNumber, type IsoDate } from '@union/kernel';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { requestFacts } from '../http/command-context';

/**
 * A service's records of one person: its part of the gateway's person view
 * (`GET /api/v1/people/{idNumber}`). Each service answers `{ idNumberMasked, …its records…,
 * receivedThisYearFen }`, filtered to the units the principal may read as its lists are.
 */
export interface PersonRecordsSource {
  /** `today`: the China business date; `receivedThisYearFen` counts its calendar year. */
  records(id: IdNumber, principal: Principal, today: IsoDate): Promise<object>;
}

/**
 * `GET <prefix>/people/{idNumber}`, under the service's own API prefix, answered by `source` (a
 * provider of the service's module). 200 also for a person without records (empty lists); a
 * malformed identity number is a 400 `VALIDATION_FAILED`, checked as the gateway checks it.
 */
export function personRecordsController(
  prefix: string,
  tag: string,
  source: Type<PersonRecordsSource>,
): Type<unknown> {
  @ApiTags(tag)
  @Controller(prefix)
  class PersonRecordsController {
    constructor(@Inject(source) private readonly records: PersonRecordsSource) {}

    @Get('people/:idNumber')
    // As the gateway's person view (API.md, "People"): admins manage, they do not read people.
    @Roles('caseworker', 'reviewer', 'auditor')
    person(@Param('idNumber') idNumber: string, @CurrentPrincipal() principal: Principal): Promise<object> {
      return this.records.records(parseIdNumber(idNumber), principal, requestFacts(principal).today);
    }
  }
  return PersonRecordsController;
}
