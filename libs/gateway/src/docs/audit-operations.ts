import { COMMON_ERRORS, ref, type Schema } from './openapi-parts';

// The audit answers the gateway composes itself (timeline, trace) and the schemas of every
// audit answer, forwarded ones included (API.md, "Audit").

export const TIMELINE_PATH = '/api/v1/audit/people/{idNumber}/timeline';
export const TRACE_PATH = '/api/v1/audit/trace/{correlationId}';

const AUDIT_ROLES = ['auditor', 'admin'];
const pathParam = (name: string, example: string): Schema => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', example },
});

function fanOut(
  summary: string,
  operationId: string,
  param: Schema,
  response: string,
): Record<string, Schema> {
  return {
    get: {
      summary,
      description:
        'Roles: auditor, admin. Asks the three services at once and merges their events oldest first ' +
        '(recordedAt, then service, then globalPosition), each labelled with its `service`. A service ' +
        'that is down or slow makes the whole answer a 503 naming it: an audit answer is never partial.',
      tags: ['audit'],
      operationId,
      'x-roles': AUDIT_ROLES,
      parameters: [param],
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: ref(response) } } },
        ...COMMON_ERRORS,
      },
    },
  };
}

export const timelineOperation = (): Record<string, Schema> =>
  fanOut(
    "One person's events in all three services",
    'getAuditPersonTimeline',
    pathParam('idNumber', '630102198503120013'),
    'PersonTimeline',
  );

export const traceOperation = (): Record<string, Schema> =>
  fanOut(
    'Every event of one correlation id (one chain of causes) in all three services',
    'getAuditTrace',
    pathParam('correlationId', '0b9f6c1e-3d2a-4f7b-8e5c-2a1d9c7e4b60'),
    'CorrelationTrace',
  );

const int = { type: 'integer' };
const str = { type: 'string' };
const events = { type: 'array', items: ref('AuditEvent') };
const stateAtProperties: Record<string, Schema> = {
  streamId: str,
  streamType: str,
  version: int,
  recordedAt: { type: 'string', format: 'date-time' },
  state: { type: 'object' },
};
const stateAt: Schema = { type: 'object', properties: stateAtProperties };
const breakAt = (fields: Record<string, Schema>): Schema => ({ type: 'object', properties: fields });

export const AUDIT_SCHEMAS: Readonly<Record<string, Schema>> = {
  AuditEvent: {
    type: 'object',
    properties: {
      service: {
        type: 'string',
        enum: ['hardship-cases', 'education-grants', 'medical-aid', 'organisation'],
      },
      streamId: { type: 'string', example: 'case-3f2b8c1e-6d4a-4b7e-9c21-5a0d7e9f1b34' },
      streamType: { type: 'string', example: 'case' },
      version: int,
      globalPosition: int,
      eventId: { type: 'string', format: 'uuid' },
      type: { type: 'string', example: 'HardshipCaseOpened' },
      schemaVersion: int,
      data: {
        type: 'object',
        description: 'as stored (what the hash covers): personal fields sealed, pd1.…',
      },
      opened: {
        type: 'object',
        description:
          '`data` with its personal fields opened for reading, or `[erased]`; only where data has sealed fields; not hashed',
      },
      metadata: {
        type: 'object',
        properties: { actor: str, correlationId: str, causationId: str, policyVersion: {} },
      },
      recordedAt: { type: 'string', format: 'date-time' },
      personRef: {
        type: 'string',
        nullable: true,
        description:
          'The person the event is about (a keyed hash of the identity number; covered by the hash)',
      },
      hash: { type: 'string', description: 'sha256(prevHash || canonicalJson(event)), hex' },
      prevHash: { type: 'string', nullable: true },
    },
  },
  AuditStateAt: stateAt,
  AuditAsDecided: {
    type: 'object',
    description:
      'A decision (the event at `version`) as stored, the record just before it (what the decider saw; null for a first event) and just after, and the policy in force then (null when the service records none for it).',
    properties: {
      service: str,
      streamId: str,
      decision: ref('AuditEvent'),
      before: { allOf: [ref('AuditStateAt')], nullable: true },
      after: ref('AuditStateAt'),
      policy: {
        type: 'object',
        nullable: true,
        properties: {
          kind: {
            type: 'string',
            description:
              "`region-policy` (a region's hardship lines), `assistance-limits` (approval threshold and yearly cap), `campaign` (the grant campaign at the decision), `period-rules` (the coverage period's rules), `unknown`",
            example: 'region-policy',
          },
          policyVersion: { type: 'string', nullable: true, example: '410105-2' },
          source: {
            type: 'object',
            nullable: true,
            description: 'The record the terms were read from, as it stood at the decision',
            properties: { streamId: str, version: int, recordedAt: { type: 'string', format: 'date-time' } },
          },
          terms: { type: 'object', nullable: true },
        },
      },
    },
  },
  AuditVerifyStreamLine: {
    type: 'object',
    description:
      'One line of the NDJSON answer: `started` (`fromPosition`, `toPosition`: the range to check), then `progress` (`checked`: events checked so far, `toPosition`: the highest position checked) at least once a second, then one `result` (the fields of AuditVerification) or one `error` (`code`, `detail`).',
    required: ['type'],
    properties: {
      type: { type: 'string', enum: ['started', 'progress', 'result', 'error'] },
      service: str,
      fromPosition: int,
      toPosition: int,
      checked: int,
      valid: { type: 'boolean' },
      firstInvalid: breakAt({ globalPosition: int, streamId: str, version: int, reason: str }),
      seals: ref('AuditSealsReport'),
      code: str,
      detail: str,
    },
  },
  AuditSeal: {
    type: 'object',
    description:
      'A seal: the events new since the previous seal (positions `fromPosition`..`upToPosition`), their count (`events`, `eventCount` in all) and rolling hash, chained to the previous seal by `hash`.',
    properties: {
      sealId: int,
      fromPosition: int,
      upToPosition: int,
      events: int,
      eventCount: int,
      rollingHash: str,
      prevSealId: { type: 'integer', nullable: true },
      prevHash: { type: 'string', nullable: true },
      hash: str,
      sealedAt: { type: 'string', format: 'date-time' },
      horizon: str,
    },
  },
  AuditSealPage: {
    type: 'object',
    properties: { items: { type: 'array', items: ref('AuditSeal') }, page: int, pageSize: int, total: int },
  },
  AuditExport: {
    type: 'object',
    description:
      'The evidence file (`format=json`): the history as stored with every hash, and the command that re-checks it offline. `format=csv`: one event a row.',
    properties: {
      service: str,
      streamId: str,
      exportedAt: { type: 'string', format: 'date-time' },
      exportedBy: str,
      offlineCheck: { type: 'string', example: 'npm run audit -- check-export hardship-cases-case-….json' },
      events,
    },
  },
  AuditStreamEvents: { type: 'object', properties: { service: str, streamId: str, events } },
  AuditState: { ...stateAt, properties: { service: str, ...stateAtProperties } },
  AuditVerification: {
    type: 'object',
    properties: {
      service: str,
      checked: int,
      valid: { type: 'boolean' },
      firstInvalid: breakAt({ globalPosition: int, streamId: str, version: int, reason: str }),
      seals: ref('AuditSealsReport'),
      verifiedRange: {
        type: 'object',
        description: 'The positions actually checked, when `wholeSeals` widened the range',
        properties: { fromPosition: int, toPosition: int },
      },
    },
  },
  AuditSealsReport: {
    type: 'object',
    properties: {
      checked: int,
      valid: { type: 'boolean' },
      firstInvalid: breakAt({ sealId: int, globalPosition: int, reason: str }),
      newest: {
        type: 'object',
        description:
          'The newest seal. Keep `sealId:hash` outside the database and pass it later as `?anchor=`: a log rewritten and sealed again is caught.',
        properties: { sealId: int, hash: str },
      },
    },
  },
  RebuildComparison: {
    type: 'object',
    properties: {
      service: str,
      equal: { type: 'boolean' },
      events: int,
      seconds: { type: 'number' },
      eventsPerSecond: { type: 'number' },
      tables: {
        type: 'array',
        items: breakAt({
          table: str,
          liveRows: int,
          rebuiltRows: int,
          missing: int,
          extra: int,
          differing: int,
          samples: { type: 'array', items: {} },
        }),
      },
    },
  },
  AccessLogPage: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: breakAt({
          at: { type: 'string', format: 'date-time' },
          actor: str,
          roles: { type: 'array', items: str },
          units: {
            type: 'array',
            items: str,
            nullable: true,
            description:
              'The units the reader\'s token granted (`["*"]`: every unit); null in rows recorded before it was kept',
          },
          method: str,
          path: { type: 'string', description: 'The path read, identity numbers masked (decoded first)' },
          query: {
            type: 'object',
            nullable: true,
            additionalProperties: { oneOf: [str, { type: 'array', items: str }] },
            description:
              'The query asked (list filters, asOf, fromVersion…), identity numbers masked; null when none',
            example: { status: 'open', unitId: 'u-1' },
          },
          subject: {
            type: 'string',
            nullable: true,
            description: "The record or stream id read, or the person's ref (never an identity number)",
          },
          correlationId: { type: 'string', nullable: true },
          purpose: {
            type: 'string',
            nullable: true,
            description:
              'Why: the purpose stated to see a full identity number or a diagnosis (DOMAIN.md §5); null for the other reads',
          },
        }),
      },
      page: int,
      pageSize: int,
      total: int,
    },
  },
  PersonTimeline: {
    type: 'object',
    properties: { idNumberMasked: { type: 'string', example: '630102********0013' }, events },
  },
  CorrelationTrace: { type: 'object', properties: { correlationId: str, events } },
};
