import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { HardshipEligibility } from '@union/contracts';
import { DATA_SOURCE } from '../runtime.di-tokens';
import { HardshipEligibilityEntity } from './hardship-eligibility.entity';

/** Reads the eligibility projection: never a synchronous call to the hardship service. */
@Injectable()
export class HardshipEligibilityReader {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async get(personRef: string): Promise<HardshipEligibility | null> {
    const row = await this.dataSource.getRepository(HardshipEligibilityEntity).findOneBy({ personRef });
    return row ? { personRef: row.personRef, caseId: row.caseId, open: row.open, tier: row.tier } : null;
  }
}
