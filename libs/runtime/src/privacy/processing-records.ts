import { Controller, Get, Inject, Injectable, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { DataSource } from 'typeorm';
import { parseFieldSpec } from '@union/event-store';
import { chinaDatePeriod } from '@union/kernel';
import { Roles } from '@union/platform';
import { NotRecorded } from '../audit/access-log.interceptor';
import { SERVICE_INFRA } from '../runtime.di-tokens';
import type { ServiceInfra } from '../service-infra';

/**
 * The kinds of personal information a programme processes (DOMAIN.md §5, PIPL Art. 28: identity
 * numbers, medical data, financial situation, minors' data), as the records of processing name them.
 */
export type PersonalDataKind =
  | 'identity_number'
  | 'name'
  | 'contact'
  | 'household_finances'
  | 'home_visit'
  | 'medical'
  | 'minor'
  | 'education';

/** Per event type, the kinds of personal information an event of that type processes. */
export type ProcessingKinds = Readonly<Record<string, readonly PersonalDataKind[]>>;

/** One kind processed in the period: how many events carried it, about how many people. */
export interface KindProcessed {
  kind: PersonalDataKind;
  events: number;
  people: number;
}

/** Who read personal data in the period, for which purpose (from the access log). */
export interface AccessesBy {
  actor: string;
  roles: string[];
  /** The stated purpose (a full number or a diagnosis revealed), or null for the other recorded reads. */
  purpose: string | null;
  reads: number;
  /** How many different records or people those reads were of. */
  subjects: number;
  firstAt: string;
  lastAt: string;
}

/** One service's part of the records of processing (DOMAIN.md §5, PIPL Art. 55-56). */
export interface ProcessingRecord {
  service: string;
  from: string;
  to: string;
  /** People whose personal information this service recorded in the period (distinct). */
  people: number;
  kinds: KindProcessed[];
  accesses: AccessesBy[];
  /** Reads in the period with a stated purpose, by purpose. */
  purposes: { purpose: string; reads: number; actors: number }[];
}

/** `?from=&to=`: business dates (China time), both included. */
export class ProcessingRecordsQuery {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date, YYYY-MM-DD' })
  readonly from!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date, YYYY-MM-DD' })
  readonly to!: string;
}

/** The longest period one report covers (about ten years: the default retention). */
export const PROCESSING_RECORDS_MAX_DAYS = 3660;

/**
 * This service's records of processing for a period, from its own tables: the events it recorded
 * with personal information (kinds by event type, declared by the service next to its personal
 * fields; people by the events' person and by every other person a personal field names, such as
 * a grant's student), and its access log (who read, how often, why).
 */
@Injectable()
export class ProcessingRecords {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  async report(from: string, to: string): Promise<ProcessingRecord> {
    const { start, end } = chinaDatePeriod(from, to, PROCESSING_RECORDS_MAX_DAYS);
    const { definition, dataSource } = this.infra;
    const kinds = definition.processingKinds ?? {};
    const pairs = Object.entries(kinds).flatMap(([type, ks]) => ks.map((kind) => [type, kind] as const));
    const refPaths = [
      ...new Set(
        Object.values(definition.personalFields ?? {})
          .flat()
          .map((spec) => parseFieldSpec(spec).refPath)
          .filter((p): p is string => p !== undefined),
      ),
    ];
    const [processed, people] = await processedIn(dataSource, start, end, pairs, refPaths);
    return {
      service: definition.name,
      from,
      to,
      people,
      kinds: processed,
      ...(await accessesIn(dataSource, start, end)),
    };
  }
}

async function processedIn(
  dataSource: DataSource,
  start: string,
  end: string,
  pairs: readonly (readonly [string, PersonalDataKind])[],
  refPaths: readonly string[],
): Promise<[KindProcessed[], number]> {
  if (pairs.length === 0) return [[], 0];
  const params: unknown[] = [start, end, pairs.map((p) => p[0]), pairs.map((p) => p[1])];
  // The event's person, and each other person its personal fields name (`field@refPath`).
  const others = refPaths.map(
    (path) => `SELECT global_position, type, data #>> $${params.push(path.split('.'))}::text[] FROM e`,
  );
  const rows: { kind: string | null; events: number; people: number }[] = await dataSource.query(
    `WITH k(type, kind) AS (SELECT * FROM unnest($3::text[], $4::text[])),
          e AS (SELECT global_position, type, person_ref, data FROM events
                WHERE recorded_at >= $1 AND recorded_at < $2 AND type IN (SELECT type FROM k)),
          refs(global_position, type, ref) AS (
            SELECT global_position, type, person_ref FROM e
            ${others.map((o) => `UNION ALL ${o}`).join('\n')})
     SELECT k.kind, count(DISTINCT r.global_position)::int AS events, count(DISTINCT r.ref)::int AS people
     FROM refs r JOIN k ON k.type = r.type WHERE r.ref IS NOT NULL
     GROUP BY ROLLUP (k.kind) ORDER BY k.kind NULLS LAST`,
    params,
  );
  const total = rows.find((r) => r.kind === null)?.people ?? 0;
  return [
    rows.filter((r) => r.kind !== null).map((r) => ({ kind: r.kind as PersonalDataKind, events: r.events, people: r.people })),
    total,
  ];
}

async function accessesIn(
  dataSource: DataSource,
  start: string,
  end: string,
): Promise<Pick<ProcessingRecord, 'accesses' | 'purposes'>> {
  const rows: (Omit<AccessesBy, 'firstAt' | 'lastAt'> & { firstAt: Date; lastAt: Date })[] = await dataSource.query(
    `SELECT actor, roles, purpose, count(*)::int AS reads, count(DISTINCT subject)::int AS subjects,
            min(at) AS "firstAt", max(at) AS "lastAt"
     FROM audit_access_log WHERE at >= $1 AND at < $2
     GROUP BY actor, roles, purpose ORDER BY actor, purpose NULLS FIRST, roles`,
    [start, end],
  );
  const purposes: { purpose: string; reads: number; actors: number }[] = await dataSource.query(
    `SELECT purpose, count(*)::int AS reads, count(DISTINCT actor)::int AS actors
     FROM audit_access_log WHERE at >= $1 AND at < $2 AND purpose IS NOT NULL
     GROUP BY purpose ORDER BY reads DESC, purpose`,
    [start, end],
  );
  return {
    accesses: rows.map((r) => ({
      ...r,
      firstAt: new Date(r.firstAt).toISOString(),
      lastAt: new Date(r.lastAt).toISOString(),
    })),
    purposes,
  };
}

/**
 * `GET /api/v1/privacy/processing-records?from=&to=` of one service (admin, auditor): its part
 * of the report the gateway composes (DOMAIN.md §5). Not itself in the access log: it names
 * readers and counts, no person.
 */
@ApiTags('privacy')
@Controller('api/v1/privacy/processing-records')
export class ProcessingRecordsController {
  constructor(private readonly records: ProcessingRecords) {}

  @Get()
  @Roles('admin', 'auditor')
  @NotRecorded()
  report(@Query() query: ProcessingRecordsQuery): Promise<ProcessingRecord> {
    return this.records.report(query.from, query.to);
  }
}
