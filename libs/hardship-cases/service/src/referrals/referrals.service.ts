import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError } from '@union/kernel';
import type { Principal } from '@union/platform';
import type { EventStore } from '@union/event-store';
import { referralDecider, referralStreamId } from '@union/hardship-cases/domain';
import {
  DATA_SOURCE,
  Disclosure,
  EVENT_STORE,
  hiddenFromWork,
  OrgScope,
  requestFacts,
  runCommand,
} from '@union/runtime';
import { ReferralEntity } from '../read-models/referrals/referral.entity';
import type { Page } from '@union/platform';
import type { ListReferralsQuery } from './list-referrals.query';
import { referralView, withMemberName, type ReferralView } from './referral.view';

/** The referral inbox: reads over its read model, and a caseworker's dismissal. */
@Injectable()
export class Referrals {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly orgScope: OrgScope,
    private readonly disclosure: Disclosure,
  ) {}

  async list(query: ListReferralsQuery, principal: Principal): Promise<Page<ReferralView>> {
    const qb = this.dataSource.getRepository(ReferralEntity).createQueryBuilder('r');
    const scope = this.orgScope.scopeWhere(principal, 'r.unit_id');
    if (scope) qb.andWhere(scope.sql, scope.params);
    const restricted = hiddenFromWork(principal, 'r.person_ref');
    if (restricted) qb.andWhere(restricted);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.unitId) qb.andWhere('r.unit_id = :unitId', { unitId: query.unitId });
    const [rows, total] = await qb
      .orderBy('r.received_at', 'DESC')
      .addOrderBy('r.referral_id')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.disclosure.names(
      principal,
      rows.map((r) => r.unitId),
    );
    return {
      items: rows.map((r) => withMemberName(referralView(r.data, r.version), names)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** The referral's row, or 404. */
  async row(referralId: string): Promise<ReferralEntity> {
    const row = await this.dataSource.getRepository(ReferralEntity).findOneBy({ referralId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no referral ${referralId}.`);
    return row;
  }

  /** A caseworker of the referral's unit closes it without a case, saying why. */
  async dismiss(
    referralId: string,
    reason: string,
    principal: Principal,
    ifMatch?: number,
  ): Promise<ReferralEntity> {
    const row = await this.row(referralId);
    await this.orgScope.assertUnit(principal, row.unitId);
    const facts = requestFacts(principal);
    await runCommand(
      this.store,
      referralDecider,
      { type: 'DismissReferral', reason, actor: facts.actor, now: facts.now },
      {
        streamId: referralStreamId(referralId),
        streamType: 'referral',
        personRef: row.personRef,
        metadata: facts.metadata,
        ifMatch,
      },
    );
    return this.row(referralId);
  }
}
