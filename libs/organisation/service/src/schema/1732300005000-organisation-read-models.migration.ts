import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `org_units`: one row per node of the union's tree, with its path from the root (itself last),
 * so a subtree is `path[n] = <orgId>` and a node's ancestors are its path. A move rewrites the
 * paths of the whole subtree in the move's own transaction (the inline projection).
 */
export class OrganisationReadModels1732300005000 implements MigrationInterface {
  name = 'OrganisationReadModels1732300005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        org_id      text PRIMARY KEY,
        version     integer NOT NULL,
        name        text NOT NULL,
        level       text NOT NULL,
        parent_id   text NOT NULL,
        path        text[] NOT NULL,
        region_code text NOT NULL,
        status      text NOT NULL
      )`);
    await q.query(`CREATE INDEX org_units_parent ON org_units (parent_id)`);
    await q.query(`CREATE INDEX org_units_path ON org_units USING gin (path)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE org_units`);
  }
}
