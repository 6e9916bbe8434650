import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { chinaToday, DomainError } from '@union/kernel';
import {
  handleCommand,
  handleCommandsInBulk,
  loadState,
  lockStream,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
} from '@union/event-store';
import {
  caseDecider,
  caseStreamId,
  holidayBatchDecider,
  holidayBatchStreamId,
  type HolidayBatchCommand,
  type HolidayBatchRow,
  type RecordHolidayAssistance,
} from '@union/hardship-cases/domain';
import { DATA_SOURCE, EVENT_STORE, SERVICE_INFRA, type ServiceInfra } from '@union/runtime';
import { FundLedger } from '../funds/fund-ledger';
import { HARDSHIP_SETTINGS } from '../hardship-cases.di-tokens';
import type { HardshipSettings } from '../hardship.settings';
import { HolidayBatchEntity } from '../read-models/holiday-batches/holiday-batch.entity';
import { holidayAssistanceId } from './holiday-assistance-id';

/** What a refused line says: the rule that refused the case's assistance at the run. */
function unrecordedReason(error: DomainError): string {
  if (error.details && 'capFen' in error.details) return 'YEARLY_CAP';
  if (error.code === 'RULE_VIOLATION' && /closed/.test(error.message)) return 'CASE_CLOSED';
  return error.code;
}

/** Chunk transactions of one batch in flight at once (measured in bench/holiday-batch.bench.ts). */
const CHUNKS_IN_FLIGHT = 2;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * Runs approved holiday batches: one runner per database (the `batches` leadership, an advisory
 * lock), picking up approved and running batches at start, so a run killed mid-way continues.
 * Each chunk of lines is one transaction: the cases' `AssistanceRecorded` (one multi-stream
 * insert through the case decider, assistance ids name-based on batch and case), the lines
 * marked, and the batch's `HolidayBatchChunkRecorded`; a crash loses a whole chunk or nothing.
 * Two chunks are in flight at once on disjoint lines; they take the batch stream's lock in turn
 * for its chunk event.
 * When no line is left, the batch finishes and the unused reservation goes back to the fund.
 */
@Injectable()
export class HolidayBatchRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private active = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    @Inject(SERVICE_INFRA) private readonly infra: ServiceInfra,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(HARDSHIP_SETTINGS) private readonly settings: HardshipSettings,
    private readonly ledger: FundLedger,
  ) {}

  onApplicationBootstrap(): void {
    this.infra.leaders.batches.run({
      start: () => {
        this.active = true;
        this.loop = this.runLoop();
      },
      stop: async () => {
        this.active = false;
        this.wake?.();
        await this.loop;
        this.loop = null;
      },
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.infra.leaders.batches.stop();
  }

  /** An approval asks for a run now rather than at the next poll. */
  nudge(): void {
    this.wake?.();
  }

  /** Runs every approved or running batch to its end; resolves when none is left (tests, bench). */
  async runPending(keepGoing: () => boolean = () => true): Promise<void> {
    while (keepGoing()) {
      const next = await this.dataSource
        .getRepository(HolidayBatchEntity)
        .createQueryBuilder('b')
        .where(`b.status IN ('approved', 'running')`)
        .orderBy('b.batch_id')
        .getOne();
      if (!next) return;
      await this.runBatch(next.data, keepGoing);
    }
  }

  private async runLoop(): Promise<void> {
    while (this.active) {
      try {
        await this.runPending(() => this.active);
      } catch (error) {
        process.emitWarning(`holiday batch run: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!this.active) return;
      await new Promise<void>((resolve) => {
        this.wake = () => {
          this.wake = null;
          resolve();
        };
        void sleep(this.settings.batchPollMs).then(() => this.wake?.());
      });
    }
  }

  private async runBatch(batch: HolidayBatchRow, keepGoing: () => boolean): Promise<void> {
    const metadata = await this.metadataOf(batch.batchId);
    if (batch.status === 'approved') {
      await this.dataSource.transaction((tx) =>
        this.decide(batch.batchId, { type: 'StartHolidayBatch', ...this.facts(metadata) }, metadata, tx),
      );
    }
    // Chunks in flight at once, on disjoint lines (SKIP LOCKED): one decides while the other commits.
    const worker = async (): Promise<void> => {
      for (;;) {
        if (!keepGoing()) return;
        const settled = await this.retrying(() =>
          this.dataSource.transaction((tx) => this.chunk(batch, metadata, tx)),
        );
        if (settled === 0) return;
      }
    };
    const workers = await Promise.allSettled(Array.from({ length: CHUNKS_IN_FLIGHT }, worker));
    const failed = workers.find((w): w is PromiseRejectedResult => w.status === 'rejected');
    if (failed) throw failed.reason;
    if (!keepGoing()) return;
    await this.retrying(() =>
      this.dataSource.transaction(async (tx) => {
        await this.ledger.lock(tx, batch.fundId);
        // Another run (a former leader, a direct call) may have finished it meanwhile.
        const current = await loadState(
          this.store,
          holidayBatchDecider,
          holidayBatchStreamId(batch.batchId),
          { tx },
        );
        if (current.state.status !== 'running') return;
        const state = await this.decide(
          batch.batchId,
          { type: 'FinishHolidayBatch', ...this.facts(metadata) },
          metadata,
          tx,
        );
        const releasedFen = state.totalFen - state.recordedFen;
        if (releasedFen === 0) return;
        await this.ledger.releaseBatch(tx, batch.fundId, batch.batchId, releasedFen, metadata);
      }),
    );
  }

  /** Settles one chunk of lines; 0 when none is left. */
  private async chunk(batch: HolidayBatchRow, metadata: EventMetadata, tx: EntityManager): Promise<number> {
    const lines = await tx.query<{ case_id: string; amount_fen: string }[]>(
      `SELECT case_id, amount_fen FROM holiday_batch_line WHERE batch_id = $1 AND status = 'included'
       ORDER BY case_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [batch.batchId, this.settings.batchChunkSize],
    );
    if (lines.length === 0) return 0;
    const facts = this.facts(metadata);
    const commands = lines.map((l) => {
      const command: RecordHolidayAssistance = {
        type: 'RecordHolidayAssistance',
        ...facts,
        assistanceId: holidayAssistanceId(batch.batchId, l.case_id),
        batchId: batch.batchId,
        batchName: batch.name,
        fundId: batch.fundId,
        amountFen: Number(l.amount_fen),
        paidOn: batch.paidOn,
        limits: this.settings.limits,
      };
      return { streamId: caseStreamId(l.case_id), command };
    });
    const outcomes = await handleCommandsInBulk(this.store, caseDecider, commands, {
      streamType: 'case',
      metadata: { ...metadata, policyVersion: this.settings.limitsVersion },
      tx,
    });
    const totals = { recordedCount: 0, recordedFen: 0, unrecordedCount: 0, unrecordedFen: 0 };
    const marks = outcomes.map((o, i) => {
      const { command } = commands[i];
      if ('events' in o) {
        totals.recordedCount += 1;
        totals.recordedFen += command.amountFen;
        return { c: lines[i].case_id, s: 'recorded', r: null, a: command.assistanceId };
      }
      totals.unrecordedCount += 1;
      totals.unrecordedFen += command.amountFen;
      return { c: lines[i].case_id, s: 'unrecorded', r: unrecordedReason(o.refused), a: null };
    });
    await tx.query(
      `UPDATE holiday_batch_line l SET status = r.s, reason = r.r, assistance_id = r.a
       FROM json_to_recordset($2::json) AS r(c text, s text, r text, a text)
       WHERE l.batch_id = $1 AND l.case_id = r.c`,
      [batch.batchId, JSON.stringify(marks)],
    );
    // The chunks in flight append to the batch's stream in turn, each on the other's result.
    await lockStream(tx, holidayBatchStreamId(batch.batchId));
    await this.decide(batch.batchId, { type: 'RecordHolidayBatchChunk', ...facts, ...totals }, metadata, tx);
    return lines.length;
  }

  private async decide(
    batchId: string,
    command: HolidayBatchCommand,
    metadata: EventMetadata,
    tx: EntityManager,
  ) {
    const { state } = await handleCommand(this.store, holidayBatchDecider, command, {
      streamId: holidayBatchStreamId(batchId),
      streamType: 'holiday-batch',
      metadata,
      tx,
    });
    return state;
  }

  /** The run acts for the reviewer who approved the batch, in the approval's correlation. */
  private async metadataOf(batchId: string): Promise<EventMetadata> {
    const events = await this.store.readStream(holidayBatchStreamId(batchId));
    const approval = events.find((e) => e.type === 'HolidayBatchApproved');
    const actor = (approval?.data as { approvedBy?: string } | undefined)?.approvedBy ?? 'system';
    return {
      actor,
      correlationId: approval?.metadata.correlationId ?? batchId,
      causationId: approval?.eventId,
      batchId,
    };
  }

  private facts(metadata: EventMetadata) {
    const at = new Date();
    return { actor: String(metadata.actor), now: at.toISOString(), today: chinaToday(at) };
  }

  /** A chunk lost to a concurrent write on one of its cases is decided again on fresh state. */
  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= 5) throw error;
      }
    }
  }
}
