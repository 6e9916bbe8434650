import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { maskIdNumber, personRef, sumFen, type Fen, type IdNumber, type IsoDate } from '@union/kernel';
import type { Principal } from '@union/platform';
import type { ApplicationRow } from '@union/education-grants/domain';
import {
  DATA_SOURCE,
  Disclosure,
  OrgScope,
  SERVICE_SETTINGS,
  type PersonRecordsSource,
  type ServiceSettings,
} from '@union/runtime';
import { applicationView, type ApplicationView } from '../applications/application.view';
import { GrantApplicationEntity } from '../read-models/grant-application.entity';

/** The person's role(s) on one application. */
export type PersonRole = 'parent' | 'student';

/** `GET /api/v1/grants/people/{idNumber}`: one person's applications in this programme. */
export interface PersonRecordsView {
  readonly idNumberMasked: string;
  /** Newest first, as the applications list shows them, plus the person's role(s) on each. */
  readonly applications: (ApplicationView & { readonly as: PersonRole[] })[];
  /** Grants paid (status `disbursed`) on those applications with `paidOn` in `today`'s year. */
  readonly receivedThisYearFen: Fen;
}

/** The money paid to the family in `today`'s calendar year (Asia/Shanghai business dates). */
export function receivedInYearOf(rows: readonly ApplicationRow[], today: IsoDate): Fen {
  const year = `${today.slice(0, 4)}-`;
  const paid = rows.filter((r) => r.status === 'disbursed' && r.paidOn !== null && r.paidOn.startsWith(year));
  return sumFen(...paid.map((r) => r.amountFen));
}

/**
 * Reads a person's applications, as parent or student, by the keyed ref of their identity number.
 * Applications of units the principal may not see are left out (as in the list), not refused.
 */
@Injectable()
export class PersonRecordsReader implements PersonRecordsSource {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly orgScope: OrgScope,
    private readonly disclosure: Disclosure,
  ) {}

  async records(id: IdNumber, principal: Principal, today: IsoDate): Promise<PersonRecordsView> {
    const ref = personRef(this.settings.personRefSecret, id);
    const qb = this.dataSource
      .getRepository(GrantApplicationEntity)
      .createQueryBuilder('a')
      .where('(a.parent_person_ref = :ref OR a.student_person_ref = :ref)', { ref });
    const scope = this.orgScope.scopeWhere(principal, 'a.unit_id');
    if (scope) qb.andWhere(scope.sql, scope.params);
    const rows = await qb.orderBy('a.submitted_at', 'DESC').addOrderBy('a.application_id').getMany();
    const names = await this.disclosure.names(principal, rows.map((r) => r.unitId));
    return {
      idNumberMasked: maskIdNumber(id),
      applications: rows.map((r) => ({
        ...applicationView(r.data, r.version, names),
        as: rolesOf(r, ref),
      })),
      receivedThisYearFen: receivedInYearOf(
        rows.map((r) => r.data),
        today,
      ),
    };
  }
}

function rolesOf(row: GrantApplicationEntity, ref: string): PersonRole[] {
  const roles: PersonRole[] = [];
  if (row.parentPersonRef === ref) roles.push('parent');
  if (row.studentPersonRef === ref) roles.push('student');
  return roles;
}
