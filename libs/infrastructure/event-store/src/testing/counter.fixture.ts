import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { rowProjection } from '../projections/row-projection';
import type { Decider, DomainEvent } from '@union/kernel';

/** A tiny aggregate for the event store's own tests: a counter that can be opened and bumped. */
export type CounterEvent =
  DomainEvent<'CounterOpened', { name: string }> | DomainEvent<'CounterBumped', { by: number }>;
export interface CounterState {
  open: boolean;
  total: number;
}
export type CounterCommand = { kind: 'open'; name: string } | { kind: 'bump'; by: number };

export const counterDecider: Decider<CounterState, CounterCommand, CounterEvent> = {
  initialState: () => ({ open: false, total: 0 }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CounterOpened':
        return { ...state, open: true };
      case 'CounterBumped':
        return { ...state, total: state.total + event.data.by };
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  },
  decide: (command, state) => {
    if (command.kind === 'open')
      return state.open ? [] : [{ type: 'CounterOpened', data: { name: command.name } }];
    if (!state.open) throw new Error('not open');
    return [{ type: 'CounterBumped', data: { by: command.by } }];
  },
};

@Entity('counter_summary')
export class CounterSummary {
  @PrimaryColumn('text') id: string;
  @Column('text') name: string;
  @Column('integer') total: number;
  @Column('integer') bumps: number;
  @Column('integer') version: number;
}

export class CounterSummary1732300000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE counter_summary (id text PRIMARY KEY, name text NOT NULL, total integer NOT NULL,
      bumps integer NOT NULL, version integer NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE counter_summary`);
  }
}

export const counterSummaryProjection = rowProjection<CounterSummary>({
  name: 'counter_summary',
  entity: CounterSummary,
  key: 'id',
  handles: ['CounterOpened', 'CounterBumped'],
  keyOf: (e) => e.streamId,
  evolve: (row, e) => {
    const data = e.data as { name?: string; by?: number };
    if (e.type === 'CounterOpened')
      return { id: e.streamId, name: data.name ?? '', total: 0, bumps: 0, version: e.version };
    if (!row) return null;
    return { ...row, total: row.total + (data.by ?? 0), bumps: row.bumps + 1 };
  },
});
