import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError, personRef, type IdNumber } from '@union/kernel';
import type { Principal } from '@union/platform';
import { DATA_SOURCE, Disclosure, SERVICE_SETTINGS, type ServiceSettings } from '@union/runtime';
import { ClaimSummaryEntity } from '../read-models/claim-summary.entity';
import { memberKeyOf, MembershipSummaryEntity } from '../read-models/membership-summary.entity';
import { PeriodQueries } from '../periods/period-queries.service';
import { ReadScope } from '../shared/read-scope';
import { membershipView, type MembershipView } from './membership.view';

/**
 * One member's membership in a period, with their claims, from the read models. A member of a
 * unit the reader may not read is answered exactly as a person not enrolled (404): the lookup is
 * keyed by identity number, and a 403 would tell a caseworker that the person is enrolled
 * elsewhere (issue 13).
 */
@Injectable()
export class MembershipQueries {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly periods: PeriodQueries,
    private readonly readScope: ReadScope,
    private readonly disclosure: Disclosure,
  ) {}

  /** With a stated `purpose`, the member's full number too (the one asked with). */
  async membership(
    periodId: string,
    id: IdNumber,
    principal: Principal,
    purpose: string | null = null,
  ): Promise<MembershipView> {
    const period = await this.periods.period(periodId);
    const ref = personRef(this.settings.personRefSecret, id);
    const row = await this.dataSource
      .getRepository(MembershipSummaryEntity)
      .findOneBy({ memberKey: memberKeyOf(periodId, ref) });
    if (!row || !(await this.readScope.mayRead(principal, row.unitId))) {
      throw notEnrolled(period.name);
    }
    const claims = await this.dataSource
      .getRepository(ClaimSummaryEntity)
      .find({ where: { periodId, personRef: ref }, order: { submittedAt: 'ASC', claimId: 'ASC' } });
    if (purpose !== null) await this.disclosure.assertRevealable(principal, row.unitId);
    return membershipView(
      row.data,
      claims.map((c) => c.data),
      period,
      await this.disclosure.names(principal, [row.unitId]),
      purpose === null ? undefined : id,
    );
  }
}

/** The one answer for "not enrolled" and "enrolled by a unit you may not read". */
export const notEnrolled = (periodName: string): DomainError =>
  new DomainError('NOT_FOUND', `This person is not enrolled in ${periodName} in any unit you may read.`);
