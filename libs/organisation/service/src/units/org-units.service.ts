import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@union/kernel';
import { lockStream, type EventStore } from '@union/event-store';
import {
  orgStreamId,
  orgUnitDecider,
  type OrgUnitCommand,
  type ParentFacts,
} from '@union/organisation/domain';
import type { Page, Principal } from '@union/platform';
import { DATA_SOURCE, EVENT_STORE, requestFacts, runCommand } from '@union/runtime';
import { OrgUnitEntity } from '../read-models/org-unit.entity';
import type { CreateOrgUnitDto, ListOrgUnitsQuery } from './org-unit.dto';
import {
  orgUnitView,
  type OrgUnitSubtreeView,
  type OrgUnitTreeView,
  type OrgUnitView,
} from './org-unit.view';

/** Every command on the tree queues on this lock, so the facts it reads hold until it commits. */
export const ORG_TREE_LOCK = 'org-tree';

/** A command on one node as a controller states it; the tree's facts are read here. */
export type OrgUnitChange =
  | { type: 'RenameOrgUnit'; name: string }
  | { type: 'MoveOrgUnit'; parentId: string }
  | { type: 'CloseOrgUnit'; reason: string };

const COLUMNS = `org_id AS "orgId", version, name, level, parent_id AS "parentId", path,
  region_code AS "regionCode", status`;

/**
 * The tree's commands and reads. A command reads what its decider needs of the tree (the parent,
 * its ancestors, the root, the active children) from `org_units` and appends, in one transaction
 * under the tree's lock: two concurrent moves can never each pass the subtree check against a
 * tree the other is changing. The inline projection updates `org_units` in the same transaction.
 */
@Injectable()
export class OrgUnits {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async create(dto: CreateOrgUnitDto, principal: Principal): Promise<OrgUnitView> {
    const orgId = dto.orgId ?? randomUUID();
    const parentId = dto.parentId ?? '';
    const facts = requestFacts(principal);
    await this.inTree(async (tx) => {
      const [root] = await tx.query<{ orgId: string }[]>(
        `SELECT org_id AS "orgId" FROM org_units WHERE parent_id = '' ORDER BY org_id LIMIT 1`,
      );
      await this.run(tx, orgId, facts, undefined, {
        type: 'CreateOrgUnit',
        orgId,
        name: dto.name,
        level: dto.level,
        parentId,
        regionCode: dto.regionCode,
        parent: parentId === '' ? null : await this.parentFacts(tx, parentId),
        rootId: root?.orgId ?? null,
        actor: facts.actor,
        now: facts.now,
      });
    });
    return this.get(orgId);
  }

  async change(
    orgId: string,
    change: OrgUnitChange,
    principal: Principal,
    ifMatch?: number,
  ): Promise<OrgUnitView> {
    const facts = requestFacts(principal);
    const context = { actor: facts.actor, now: facts.now };
    await this.inTree(async (tx) => {
      const command: OrgUnitCommand =
        change.type === 'MoveOrgUnit'
          ? { ...change, ...context, parent: await this.parentFacts(tx, change.parentId) }
          : change.type === 'CloseOrgUnit'
            ? { ...change, ...context, activeChildren: await this.activeChildren(tx, orgId) }
            : { ...change, ...context };
      await this.run(tx, orgId, facts, ifMatch, command);
    });
    return this.get(orgId);
  }

  /** The node, or 404. */
  async get(orgId: string): Promise<OrgUnitView> {
    const [row] = await this.dataSource.query<OrgUnitEntity[]>(
      `SELECT ${COLUMNS} FROM org_units WHERE org_id = $1`,
      [orgId],
    );
    if (!row) throw new DomainError('NOT_FOUND', `There is no unit ${orgId}.`);
    return orgUnitView(row);
  }

  /** The node with the names on its path and its subtree down to `depth` levels. */
  async tree(orgId: string, depth: number): Promise<OrgUnitTreeView> {
    const node = await this.get(orgId);
    const ancestors = await this.dataSource.query<OrgUnitEntity[]>(
      `SELECT ${COLUMNS} FROM org_units WHERE org_id = ANY($1::text[]) AND org_id <> $2`,
      [node.path, orgId],
    );
    const byId = new Map(ancestors.map((a) => [a.orgId, a]));
    const below =
      depth === 0
        ? []
        : await this.dataSource.query<OrgUnitEntity[]>(
            `SELECT ${COLUMNS} FROM org_units
              WHERE path[$2] = $1 AND cardinality(path) BETWEEN $2 + 1 AND $2 + $3
              ORDER BY name, org_id`,
            [orgId, node.path.length, depth],
          );
    const childrenOf = (id: string): OrgUnitSubtreeView[] =>
      below
        .filter((r) => r.parentId === id)
        .map((r) => ({ ...orgUnitView(r), children: childrenOf(r.orgId) }));
    return {
      ...node,
      ancestors: node.path.slice(0, -1).flatMap((id) => {
        const a = byId.get(id);
        return a ? [{ orgId: a.orgId, name: a.name, level: a.level }] : [];
      }),
      children: childrenOf(orgId),
    };
  }

  async list(query: ListOrgUnitsQuery): Promise<Page<OrgUnitView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.parentId !== undefined) add((n) => `parent_id = ${n}`, query.parentId);
    if (query.level !== undefined) add((n) => `level = ${n}`, query.level);
    if (query.q !== undefined) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add((n) => `(name ILIKE ${n} OR org_id ILIKE ${n})`, like);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM org_units ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<OrgUnitEntity[]>(
      `SELECT ${COLUMNS} FROM org_units ${filter} ORDER BY path LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: rows.map(orgUnitView), page: query.page, pageSize: query.pageSize, total };
  }

  /** Every node id the tree holds (the adoption tool skips those). */
  async ids(): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ orgId: string }[]>(`SELECT org_id AS "orgId" FROM org_units`);
    return new Set(rows.map((r) => r.orgId));
  }

  private inTree(work: (tx: EntityManager) => Promise<void>): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      await lockStream(tx, ORG_TREE_LOCK);
      await work(tx);
    });
  }

  private async run(
    tx: EntityManager,
    orgId: string,
    facts: ReturnType<typeof requestFacts>,
    ifMatch: number | undefined,
    command: OrgUnitCommand,
  ): Promise<void> {
    await runCommand(this.store, orgUnitDecider, command, {
      streamId: orgStreamId(orgId),
      streamType: 'org',
      metadata: facts.metadata,
      ifMatch,
      tx,
    });
  }

  private async parentFacts(tx: EntityManager, parentId: string): Promise<ParentFacts | null> {
    const [row] = await tx.query<OrgUnitEntity[]>(`SELECT ${COLUMNS} FROM org_units WHERE org_id = $1`, [
      parentId,
    ]);
    return row ? { orgId: row.orgId, level: row.level, status: row.status, path: row.path } : null;
  }

  private async activeChildren(tx: EntityManager, orgId: string): Promise<number> {
    const [{ n }] = await tx.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM org_units WHERE parent_id = $1 AND status = 'active'`,
      [orgId],
    );
    return n;
  }
}
