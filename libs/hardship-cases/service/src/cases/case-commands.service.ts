import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError } from '@union/kernel';
import type { Principal } from '@union/platform';
import type { CommandResult, EventStore } from '@union/event-store';
import { caseDecider, caseStreamId, type CaseCommand, type CaseState } from '@union/hardship-cases/domain';
import { DATA_SOURCE, EVENT_STORE, OrgScope, requestFacts, runCommand } from '@union/runtime';
import { CaseSummaryEntity } from '../read-models/case-summary/case-summary.entity';

/** A case command as a controller states it: the request's actor and clock are added here. */
export type CaseCommandBody<C extends CaseCommand = CaseCommand> = C extends CaseCommand
  ? Omit<C, 'actor' | 'now' | 'today'>
  : never;

export interface ExecuteOptions {
  /** `If-Match`: the case version the client last saw. */
  ifMatch?: number;
  /** The policy the decision applies; by default the one the case's tier was last decided under. */
  policyVersion?: string;
}

/** Runs commands on existing cases: scope, actor, clock, policy version, then the decider. */
@Injectable()
export class CaseCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly orgScope: OrgScope,
  ) {}

  /** Runs a command on a case the principal may act on; read the answer from the read models after. */
  async execute(
    caseId: string,
    body: CaseCommandBody,
    principal: Principal,
    options: ExecuteOptions = {},
  ): Promise<CommandResult<CaseState>> {
    const row = await this.summary(caseId);
    await this.orgScope.assertUnit(principal, row.unitId);
    const facts = requestFacts(principal, { policyVersion: options.policyVersion ?? row.data.policyVersion });
    return runCommand(
      this.store,
      caseDecider,
      { ...body, actor: facts.actor, now: facts.now, today: facts.today },
      {
        streamId: caseStreamId(caseId),
        streamType: 'case',
        personRef: row.personRef,
        metadata: facts.metadata,
        ifMatch: options.ifMatch,
      },
    );
  }

  /** The case's summary row, or 404. */
  async summary(caseId: string): Promise<CaseSummaryEntity> {
    const row = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ caseId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no case ${caseId}.`);
    return row;
  }
}
