import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  handleCommand,
  lockStream,
  WrongExpectedVersionError,
  type CommandResult,
  type EventMetadata,
  type EventStore,
} from '@union/event-store';
import {
  fundDecider,
  fundStreamId,
  type DrawFund,
  type FundCommand,
  type FundState,
} from '@union/hardship-cases/domain';
import type { Fen } from '@union/kernel';
import { DATA_SOURCE, EVENT_STORE, versionConflict } from '@union/runtime';

/**
 * How many times a transaction that moves a fund's money is decided afresh after losing a race
 * on one of its streams (as the grants budget's `BUDGET_ATTEMPTS`): writers of one fund queue on
 * its lock, so a loser only retries as often as others won; beyond it the client gets 409.
 */
export const FUND_ATTEMPTS = 10;

const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * attempt)));

/**
 * The one place a fund's money moves (stream `fund-<uuid>`), always inside the caller's
 * transaction, with the record it moves for (an assistance on a case, a holiday batch):
 *
 * - Each movement takes the fund's stream lock (`lockStream`, a transaction-level advisory lock,
 *   as the grants campaign) and appends with the stream's expected version, so concurrent
 *   requests queue and each decides on its predecessor's balance: it never goes below zero.
 * - Take the fund's lock FIRST in a transaction that also writes another stream ({@link lock}),
 *   so two transactions never wait on each other's streams in opposite orders.
 * - A refusal (`BUDGET_EXHAUSTED`, see `isFundNotCovered`) throws and rolls the whole
 *   transaction back: nothing is stored, on the fund or on the record.
 */
@Injectable()
export class FundLedger {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /**
   * Runs `work` in one transaction, taken again whole when an append lost a race (the fund's
   * lock makes that rare). A stale `If-Match` (the client's to resolve) is 409 at once.
   */
  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (error.actual !== null || attempt >= FUND_ATTEMPTS) throw versionConflict(error);
        await pause(attempt);
      }
    }
  }

  /** Queues the writers of the fund for the rest of `tx`; take it before any other stream's append. */
  lock(tx: EntityManager, fundId: string): Promise<void> {
    return lockStream(tx, fundStreamId(fundId));
  }

  /** Decides a command on the fund's stream inside `tx`, under the fund's lock. */
  async decide(
    tx: EntityManager,
    fundId: string,
    command: FundCommand,
    metadata: EventMetadata,
  ): Promise<CommandResult<FundState>> {
    await this.lock(tx, fundId);
    return handleCommand(this.store, fundDecider, command, {
      streamId: fundStreamId(fundId),
      streamType: 'fund',
      metadata,
      tx,
    });
  }

  /** Pays an assistance from the fund (`FundDrawn`); refuses a fund that may not pay it (422) or cannot cover it (409). */
  draw(
    tx: EntityManager,
    fundId: string,
    draw: Omit<DrawFund, 'type'>,
    metadata: EventMetadata,
  ): Promise<CommandResult<FundState>> {
    return this.decide(tx, fundId, { type: 'DrawFund', ...draw }, metadata);
  }

  /** Gives a rejected or withdrawn assistance's amount back (`FundDrawReturned`). */
  returnDraw(
    tx: EntityManager,
    fundId: string,
    assistanceId: string,
    amountFen: Fen,
    metadata: EventMetadata,
  ): Promise<CommandResult<FundState>> {
    return this.decide(tx, fundId, { type: 'ReturnDraw', assistanceId, amountFen }, metadata);
  }

  /**
   * Sets a holiday batch's total aside (`FundReservedForBatch`) in the caller's transaction.
   * Throws a DomainError `BUDGET_EXHAUSTED` (`isFundNotCovered(error)`) when the fund cannot
   * cover it, with `details: { fundId, remainingFen, requestedFen }`; a replay of the same
   * reservation emits nothing, another amount for the same batch is `CONFLICT`.
   */
  reserveForBatch(
    manager: EntityManager,
    fundId: string,
    batchId: string,
    amountFen: Fen,
    metadata: EventMetadata = {},
  ): Promise<CommandResult<FundState>> {
    return this.decide(manager, fundId, { type: 'ReserveForBatch', batchId, amountFen }, metadata);
  }

  /** Gives back what a batch did not use (`FundBatchReleased`); 0 emits nothing; more than it holds is `CONFLICT`. */
  releaseBatch(
    manager: EntityManager,
    fundId: string,
    batchId: string,
    amountFen: Fen,
    metadata: EventMetadata = {},
  ): Promise<CommandResult<FundState>> {
    return this.decide(manager, fundId, { type: 'ReleaseBatch', batchId, amountFen }, metadata);
  }
}
