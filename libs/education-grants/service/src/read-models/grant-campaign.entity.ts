import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CampaignRow } from '@union/education-grants/domain';

/** `grant_campaign`: one row per campaign with its budget figures, behind `GET /campaigns/{id}`. */
@Entity('grant_campaign')
export class GrantCampaignEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'text' }) campaignId: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) data: CampaignRow;
}
