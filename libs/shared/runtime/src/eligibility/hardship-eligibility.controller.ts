import { Controller, Get, Inject, Param, type Type } from '@nestjs/common';
import { maskIdNumber, parseIdNumber, personRef } from '@union/kernel';
import { Roles } from '@union/platform';
import { SERVICE_SETTINGS } from '../runtime.di-tokens';
import type { ServiceSettings } from '../service-definition';
import { HardshipEligibilityReader } from './hardship-eligibility.reader';

/** What this service knows of a person's hardship case right now (from events, never a call). */
export interface EligibilityView {
  idNumberMasked: string;
  hasOpenCase: boolean;
  tier: string | null;
  caseId: string | null;
}

/** `GET <prefix>/eligibility/{idNumber}`, under the service's own API prefix. */
export function eligibilityController(prefix: string): Type<unknown> {
  @Controller(prefix)
  class HardshipEligibilityController {
    constructor(
      private readonly reader: HardshipEligibilityReader,
      @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    ) {}

    @Get('eligibility/:idNumber')
    @Roles('caseworker', 'reviewer', 'auditor')
    async get(@Param('idNumber') idNumber: string): Promise<EligibilityView> {
      const id = parseIdNumber(idNumber);
      const row = await this.reader.get(personRef(this.settings.personRefSecret, id));
      return {
        idNumberMasked: maskIdNumber(id),
        hasOpenCase: row?.open ?? false,
        tier: row?.open ? row.tier : null,
        caseId: row?.caseId ?? null,
      };
    }
  }
  return HardshipEligibilityController;
}
