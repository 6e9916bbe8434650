import { rowProjection } from '@union/event-store';
import { evolveFundRow, type FundEvent, type FundRow } from '@union/hardship-cases/domain';
import { FundEntity } from './fund.entity';

const toEntity = (row: FundRow, version: number): FundEntity => ({
  fundId: row.fundId,
  name: row.name,
  year: row.year,
  category: row.category,
  holderOrgId: row.holderOrgId,
  parentFundId: row.parentFundId,
  amountFen: row.amountFen,
  allocatedFen: row.allocatedFen,
  spentFen: row.spentFen,
  remainingFen: row.remainingFen,
  createdAt: new Date(row.createdAt),
  version,
  data: row,
});

/** The fund read model: the domain's `evolveFundRow`, one row per `fund-<uuid>` stream. */
export const fundProjection = rowProjection<FundEntity>({
  name: 'fund',
  entity: FundEntity,
  key: 'fundId',
  handles: [
    'FundCreated',
    'FundAllocated',
    'FundDrawn',
    'FundDrawReturned',
    'FundReservedForBatch',
    'FundBatchReleased',
  ],
  keyOf: (e) => (e.streamType === 'fund' ? e.streamId.slice('fund-'.length) : null),
  evolve: (row, e) => {
    const next = evolveFundRow(row?.data ?? null, { type: e.type, data: e.data } as FundEvent);
    return next ? toEntity(next, e.version) : null;
  },
});
