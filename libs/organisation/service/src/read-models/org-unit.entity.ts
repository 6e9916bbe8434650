import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrgLevel } from '@union/contracts';

/** `org_units`: one row per node, behind `GET /api/v1/org/units`. */
@Entity('org_units')
export class OrgUnitEntity {
  @PrimaryColumn({ name: 'org_id', type: 'text' }) orgId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) level: OrgLevel;
  /** `''` for the root. */
  @Column({ name: 'parent_id', type: 'text' }) parentId: string;
  /** The ids from the root down to this node, itself last. */
  @Column({ type: 'text', array: true }) path: string[];
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ type: 'text' }) status: 'active' | 'closed';
}
