import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@union/kernel';
import type { Principal } from '@union/platform';
import {
  handleCommand,
  loadState,
  WrongExpectedVersionError,
  type CommandResult,
  type EventMetadata,
  type EventStore,
} from '@union/event-store';
import {
  caseDecider,
  caseStreamId,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
} from '@union/hardship-cases/domain';
import {
  DATA_SOURCE,
  EVENT_STORE,
  OrgScope,
  requestFacts,
  runCommand,
  versionConflict,
} from '@union/runtime';
import { FundLedger } from '../funds/fund-ledger';
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

/**
 * The fund's side of a case command (an assistance drawing on it, a rejection giving back): in
 * the case command's transaction, under the fund's lock taken before the case is loaded.
 */
export interface FundMovement {
  readonly fundId: string;
  /** Runs when the case command emitted events; `metadata` names their first as the cause. */
  apply(
    tx: EntityManager,
    result: CommandResult<CaseState>,
    metadata: EventMetadata,
    row: CaseSummaryEntity,
  ): Promise<unknown>;
}

/** Runs commands on existing cases: scope, actor, clock, policy version, then the decider. */
@Injectable()
export class CaseCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly orgScope: OrgScope,
    private readonly ledger: FundLedger,
  ) {}

  /** Runs a command on a case the principal may act on; read the answer from the read models after. */
  async execute(
    caseId: string,
    body: CaseCommandBody,
    principal: Principal,
    options: ExecuteOptions = {},
    fund?: FundMovement,
  ): Promise<CommandResult<CaseState>> {
    const row = await this.summary(caseId);
    await this.orgScope.assertUnit(principal, row.unitId);
    const facts = requestFacts(principal, { policyVersion: options.policyVersion ?? row.data.policyVersion });
    const command: CaseCommand = { ...body, actor: facts.actor, now: facts.now, today: facts.today };
    const context = {
      streamId: caseStreamId(caseId),
      streamType: 'case',
      personRef: row.personRef,
      metadata: facts.metadata,
      ifMatch: options.ifMatch,
    };
    if (!fund) return runCommand(this.store, caseDecider, command, context);
    // One transaction: the case's event and the fund's, or neither (a refusal of either rolls back).
    return this.ledger.transaction(async (tx) => {
      await this.ledger.lock(tx, fund.fundId);
      const result = await handleCommand(this.store, caseDecider, command, { ...context, tx });
      const [first] = result.events;
      if (first) await fund.apply(tx, result, { ...facts.metadata, causationId: first.eventId }, row);
      return result;
    });
  }

  /**
   * A dry run of {@link execute}: the same scope check, clock, `If-Match` and decision on the
   * case as it is now, answering the events the command would append; nothing is stored.
   */
  async decideOnly(
    caseId: string,
    body: CaseCommandBody,
    principal: Principal,
    options: Pick<ExecuteOptions, 'ifMatch'> = {},
  ): Promise<{ row: CaseSummaryEntity; version: number; events: CaseEvent[]; today: string }> {
    const row = await this.summary(caseId);
    await this.orgScope.assertUnit(principal, row.unitId);
    const facts = requestFacts(principal);
    const command: CaseCommand = { ...body, actor: facts.actor, now: facts.now, today: facts.today };
    const streamId = caseStreamId(caseId);
    const loaded = await loadState(this.store, caseDecider, streamId);
    if (options.ifMatch !== undefined && options.ifMatch !== loaded.version) {
      throw versionConflict(new WrongExpectedVersionError(streamId, options.ifMatch, loaded.version));
    }
    const events = caseDecider.decide(command, loaded.state);
    return { row, version: loaded.version, events, today: facts.today };
  }

  /** The case's summary row, or 404. */
  async summary(caseId: string): Promise<CaseSummaryEntity> {
    const row = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ caseId });
    if (!row) throw new DomainError('NOT_FOUND', `There is no case ${caseId}.`);
    return row;
  }
}
