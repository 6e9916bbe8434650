import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every service's copy of the union's tree (DOMAIN.md §4), fed by `organisation.units.v1`:
 * `path` is the node's ids from the root down to itself, so "records of any node in the subtree
 * of X" is `unit_id IN (SELECT org_id FROM org_units WHERE path @> ARRAY[X])` (GIN on path).
 */
export class OrgUnits1732300000400 implements MigrationInterface {
  name = 'OrgUnits1732300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        org_id      text        PRIMARY KEY,
        parent_id   text        NOT NULL,
        path        text[]      NOT NULL,
        name        text        NOT NULL,
        level       text        NOT NULL,
        region_code text        NOT NULL,
        status      text        NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX org_units_path ON org_units USING GIN (path)`);
    await q.query(`CREATE INDEX org_units_parent ON org_units (parent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE org_units`);
  }
}

/** The runtime's own schema for the tree, run in every service database before the service's. */
export const ORG_UNITS_MIGRATIONS = [OrgUnits1732300000400];
