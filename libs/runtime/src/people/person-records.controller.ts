import { Controller, Get, Inject, Param, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parseIdNumber, type IdNumber, type IsoDate } from '@union/kernel';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { requestFacts } from '../http/command-context';
import { Purpose } from '../privacy/purpose';

/**
 * A service's records of one person: its part of the gateway's person view
 * (`GET /api/v1/people/{idNumber}`). Each service answers `{ idNumberMasked, …its records…,
 * receivedThisYearFen }`, filtered to the units the principal may read as its lists are.
 */
export interface PersonRecordsSource {
  /** `today`: the China business date; `receivedThisYearFen` counts its calendar year. */
  records(id: IdNumber, principal: Principal, today: IsoDate, purpose?: string | null): Promise<object>;
}

/**
 * `GET <prefix>/people/{idNumber}`, under the service's own API prefix, answered by `source` (a
 * provider of the service's module). 200 also for a person without records (empty lists); a
 * malformed identity number is a 400 `VALIDATION_FAILED`, checked as the gateway checks it.
 * With a stated `purpose` (DOMAIN.md §5) the answer adds `idNumber` in full (and medical aid the
 * claims' diagnoses), and the read is recorded in the access log with the purpose.
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
    async person(
      @Param('idNumber') idNumber: string,
      @Purpose() purpose: string | null,
      @CurrentPrincipal() principal: Principal,
    ): Promise<object> {
      const id = parseIdNumber(idNumber);
      const records = await this.records.records(id, principal, requestFacts(principal).today, purpose);
      // The number the caller asked with, in full, only with a stated purpose (recorded with it).
      return purpose === null ? records : { ...records, idNumber: id };
    }
  }
  return PersonRecordsController;
}
