import { Inject, Injectable } from '@nestjs/common';
import { In, type DataSource } from 'typeorm';
import { maskIdNumber, personRef, type IdNumber, type IsoDate } from '@union/kernel';
import type { Principal } from '@union/platform';
import {
  DATA_SOURCE,
  Disclosure,
  OrgScope,
  SERVICE_SETTINGS,
  type PersonRecordsSource,
  type ServiceSettings,
} from '@union/runtime';
import { caseView, withCaseName } from '../cases/case.view';
import { AssistanceEntity } from '../read-models/assistance/assistance.entity';
import { CaseSummaryEntity } from '../read-models/case-summary/case-summary.entity';
import { personAssistanceView, receivedInYearFen, type PersonRecordsView } from './person-records.view';

/**
 * One person's records in this programme, for the gateway's person view. Cases of units the
 * principal may not read are left out (the case list's rule), and so is their assistance.
 */
@Injectable()
export class PersonRecords implements PersonRecordsSource {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    private readonly orgScope: OrgScope,
    private readonly disclosure: Disclosure,
  ) {}

  async records(idNumber: IdNumber, principal: Principal, today: IsoDate): Promise<PersonRecordsView> {
    const qb = this.dataSource
      .getRepository(CaseSummaryEntity)
      .createQueryBuilder('c')
      .where('c.person_ref = :ref', { ref: personRef(this.settings.personRefSecret, idNumber) });
    const scope = this.orgScope.scopeWhere(principal, 'c.unit_id');
    if (scope) qb.andWhere(scope.sql, scope.params);
    const cases = await qb.orderBy('c.opened_at', 'DESC').addOrderBy('c.case_id').getMany();
    const assistance =
      cases.length === 0
        ? []
        : await this.dataSource.getRepository(AssistanceEntity).find({
            where: { caseId: In(cases.map((c) => c.caseId)) },
            order: { recordedOn: 'DESC', assistanceId: 'ASC' },
          });
    const rows = assistance.map((a) => a.data);
    const names = await this.disclosure.names(principal, cases.map((c) => c.unitId));
    return {
      idNumberMasked: maskIdNumber(idNumber),
      cases: cases.map((c) => withCaseName(caseView(c.data, c.version, today), names)),
      assistance: rows.map(personAssistanceView),
      receivedThisYearFen: receivedInYearFen(rows, today),
    };
  }
}
