import { Controller, Get, Inject, Param, type Type } from '@nestjs/common';
import { maskIdNumber, parseIdNumber, personRef } from '@union/kernel';
import { CurrentPrincipal, Roles, type Principal } from '@union/platform';
import { RecordedForEveryone } from '../audit/access-log.interceptor';
import { readsBeyondOwnUnits } from '../audit/access-scope';
import { SERVICE_SETTINGS } from '../runtime.di-tokens';
import type { ServiceSettings } from '../service-definition';
import { HardshipEligibilityReader } from './hardship-eligibility.reader';

/**
 * What this service knows of a person's hardship case right now (from events, never a call):
 * what decides a grant or an enrollment (an open case, and its tier). `caseId` names the hardship
 * record, which may be another unit's: only readers of every unit (auditors, tokens for `*`) get
 * it, the others get no `caseId` at all, so "a case of another unit" and "no case" read alike
 * once the case is closed.
 */
export interface EligibilityView {
  idNumberMasked: string;
  hasOpenCase: boolean;
  /** The open case's tier; null without an open case. */
  tier: string | null;
  /** The latest case's id (null: none known). Only for readers beyond one unit's own work. */
  caseId?: string | null;
}

/** `GET <prefix>/eligibility/{idNumber}`, under the service's own API prefix. */
export function eligibilityController(prefix: string): Type<unknown> {
  @Controller(prefix)
  class HardshipEligibilityController {
    constructor(
      private readonly reader: HardshipEligibilityReader,
      @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    ) {}

    /** Recorded in the access log whoever asks: the answer may come from another unit's case. */
    @Get('eligibility/:idNumber')
    @Roles('caseworker', 'reviewer', 'auditor')
    @RecordedForEveryone()
    async get(
      @Param('idNumber') idNumber: string,
      @CurrentPrincipal() principal: Principal,
    ): Promise<EligibilityView> {
      const id = parseIdNumber(idNumber);
      const row = await this.reader.get(personRef(this.settings.personRefSecret, id));
      const view: EligibilityView = {
        idNumberMasked: maskIdNumber(id),
        hasOpenCase: row?.open ?? false,
        tier: row?.open ? row.tier : null,
      };
      return readsBeyondOwnUnits(principal) ? { ...view, caseId: row?.caseId ?? null } : view;
    }
  }
  return HardshipEligibilityController;
}
