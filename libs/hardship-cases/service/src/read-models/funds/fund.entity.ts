import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FundRow } from '@union/hardship-cases/domain';
import { FEN_COLUMN } from '../fen.column';

/** `fund`: one row per fund stream, behind `GET /funds`, `GET /funds/{fundId}` and the report. */
@Entity('fund')
export class FundEntity {
  @PrimaryColumn({ name: 'fund_id', type: 'text' }) fundId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) category: string;
  @Column({ name: 'holder_org_id', type: 'text' }) holderOrgId: string;
  @Column({ name: 'parent_fund_id', type: 'text', nullable: true }) parentFundId: string | null;
  @Column({ ...FEN_COLUMN, name: 'amount_fen' }) amountFen: number;
  @Column({ ...FEN_COLUMN, name: 'allocated_fen' }) allocatedFen: number;
  @Column({ ...FEN_COLUMN, name: 'spent_fen' }) spentFen: number;
  @Column({ ...FEN_COLUMN, name: 'remaining_fen' }) remainingFen: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: FundRow;
}
