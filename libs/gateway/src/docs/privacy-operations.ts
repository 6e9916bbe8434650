import { COMMON_ERRORS, ref, WRITE_ERRORS, type Schema } from './openapi-parts';

// The privacy routes the gateway composes itself (API.md, "Personal information"; issue 18).

export const PRIVACY_PERSON_PATH = '/api/v1/privacy/people/{idNumber}';
export const PRIVACY_REQUEST_PATH = '/api/v1/privacy/people/{idNumber}/requests';
export const PROCESSING_RECORDS_PATH = '/api/v1/privacy/processing-records';

/**
 * `purpose` (API.md, "Personal information"): a read that reveals a full identity number or a
 * diagnosis states why; it is recorded in the access log with the read.
 */
export const PURPOSE_PARAMETER: Schema = {
  name: 'purpose',
  in: 'query',
  required: false,
  description:
    "Why the full identity number (and a claim's diagnosis) is needed, 4-200 characters. With it the answer adds the full number (`idNumber`) and the diagnosis, and the read is recorded in the access log with this purpose, whoever reads. Without it numbers stay masked and diagnoses null. Only users of the record's unit and auditors may give one (403 otherwise); a bad one is 400 VALIDATION_FAILED.",
  schema: { type: 'string', minLength: 4, maxLength: 200, example: '核对身份后发放救助金' },
};

const date = (name: string): Schema => ({
  name,
  in: 'query',
  required: true,
  description: 'A business date (China time), YYYY-MM-DD; both dates are included',
  schema: { type: 'string', format: 'date' },
});

export function processingRecordsOperation(): Record<string, Schema> {
  return {
    get: {
      summary:
        'Records of processing: per programme, the kinds of personal information processed, how many people, who read them and why',
      description:
        'Roles: admin, auditor. DOMAIN.md §5 (PIPL Art. 55-56). Each service answers its own part from its own log (events with personal information recorded in the period, by kind; people counted once) and its access log (who read, how often, for which stated purposes). `complete` is false when a service did not answer. At most 3660 days.',
      tags: ['privacy'],
      operationId: 'getProcessingRecords',
      'x-roles': ['admin', 'auditor'],
      parameters: [date('from'), date('to')],
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: ref('ProcessingRecords') } } },
        ...COMMON_ERRORS,
      },
    },
  };
}

const idNumber = {
  name: 'idNumber',
  in: 'path',
  required: true,
  schema: { type: 'string', example: '410105197001017716' },
};
const answered = (description: string, status: string): Record<string, Schema> => ({
  [status]: { description, content: { 'application/json': { schema: ref('PrivacyAnswer') } } },
  ...COMMON_ERRORS,
});

export function privacyPersonOperation(): Record<string, Schema> {
  return {
    get: {
      summary:
        "A person's personal data in each service: active, restricted (until when) or erased (when), and the retention end",
      description: 'Roles: admin, auditor.',
      tags: ['privacy'],
      operationId: 'getPrivacyStatus',
      'x-roles': ['admin', 'auditor'],
      parameters: [idNumber],
      responses: answered('OK', '200'),
    },
  };
}

export function privacyRequestOperation(): Record<string, Schema> {
  return {
    post: {
      summary: "Restrict or erase a person's personal data in every service, by each programme's retention",
      description:
        "Role: admin. In each service, whatever the kind asked: when the person's retention there has passed (every record closed `RETENTION_YEARS_<PROGRAMME>` years ago, or none held), the service destroys the person's data key, scrubs its read models and records `PersonalDataErased` (`erased`); otherwise it restricts processing (`restricted`, `until` the retention end, or null while a record is open: records take no commands, 422 `PERSON_RESTRICTED`, and leave worklists and batches) and records `PersonalDataRestricted`. The retention sweep erases them when the date comes. `complete` is false when a service did not answer: send the same request again (a request is idempotent per service).",
      tags: ['privacy'],
      operationId: 'postPrivacyRequest',
      'x-roles': ['admin'],
      parameters: [idNumber],
      requestBody: { required: true, content: { 'application/json': { schema: ref('PrivacyRequest') } } },
      responses: { ...answered('Accepted: what each service did', '202'), ...WRITE_ERRORS },
    },
  };
}

const servicePart: Schema = {
  type: 'object',
  required: ['available'],
  properties: {
    available: { type: 'boolean' },
    status: { type: 'integer', description: "the service's HTTP status" },
    answer: {
      type: 'object',
      properties: {
        service: { type: 'string' },
        outcome: { type: 'string', enum: ['erased', 'already_erased', 'restricted', 'already_restricted'] },
        status: { type: 'string', enum: ['active', 'restricted', 'erased'] },
        until: {
          type: 'string',
          format: 'date',
          nullable: true,
          description:
            'restricted: until the retention end; null until further notice (a record is still open)',
        },
        restrictedAt: { type: 'string', format: 'date-time', nullable: true },
        erasedAt: { type: 'string', format: 'date-time', nullable: true },
        retentionEndsOn: {
          type: 'string',
          format: 'date',
          nullable: true,
          description:
            "the person's last record here closed plus the programme's retention years; null while a record is open",
        },
        openRecords: { type: 'boolean', description: 'status: a record of theirs is still open here' },
        records: { type: 'integer', description: 'status: how many records of theirs this service holds' },
        rowsScrubbed: { type: 'integer' },
      },
    },
    detail: { type: 'string' },
  },
};

const int: Schema = { type: 'integer' };
const KINDS = [
  'identity_number',
  'name',
  'contact',
  'household_finances',
  'home_visit',
  'medical',
  'minor',
  'education',
];

/** One service's part of the records of processing. */
const processingRecord: Schema = {
  type: 'object',
  required: ['service', 'from', 'to', 'people', 'kinds', 'accesses', 'purposes'],
  properties: {
    service: { type: 'string' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    people: { ...int, description: 'People whose personal information the service recorded in the period' },
    kinds: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'events', 'people'],
        properties: { kind: { type: 'string', enum: KINDS }, events: int, people: int },
      },
    },
    accesses: {
      type: 'array',
      items: {
        type: 'object',
        required: ['actor', 'roles', 'purpose', 'reads', 'subjects', 'firstAt', 'lastAt'],
        properties: {
          actor: { type: 'string' },
          roles: { type: 'array', items: { type: 'string' } },
          purpose: {
            type: 'string',
            nullable: true,
            description: 'null: recorded reads without a stated purpose',
          },
          reads: int,
          subjects: { ...int, description: 'Different records or people read' },
          firstAt: { type: 'string', format: 'date-time' },
          lastAt: { type: 'string', format: 'date-time' },
        },
      },
    },
    purposes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['purpose', 'reads', 'actors'],
        properties: { purpose: { type: 'string' }, reads: int, actors: int },
      },
    },
  },
};

const processingPart: Schema = {
  type: 'object',
  required: ['available'],
  properties: {
    available: { type: 'boolean' },
    status: { type: 'integer', description: "the service's HTTP status" },
    answer: processingRecord,
    detail: { type: 'string' },
  },
};

export const PRIVACY_SCHEMAS: Readonly<Record<string, Schema>> = {
  ProcessingRecords: {
    type: 'object',
    required: ['from', 'to', 'complete', 'services'],
    properties: {
      from: { type: 'string', format: 'date' },
      to: { type: 'string', format: 'date' },
      complete: { type: 'boolean', description: 'every service answered 2xx' },
      services: {
        type: 'object',
        required: ['hardship-cases', 'education-grants', 'medical-aid'],
        properties: {
          'hardship-cases': processingPart,
          'education-grants': processingPart,
          'medical-aid': processingPart,
        },
      },
    },
  },
  PrivacyRequest: {
    type: 'object',
    required: ['kind', 'reason', 'legalBasis'],
    properties: {
      kind: { type: 'string', enum: ['restrict', 'erase'] },
      reason: { type: 'string', minLength: 4, maxLength: 500, example: '保存期限届满' },
      legalBasis: { type: 'string', minLength: 2, maxLength: 200, example: '《个人信息保护法》第四十七条' },
    },
  },
  PrivacyAnswer: {
    type: 'object',
    required: ['idNumberMasked', 'complete', 'services'],
    properties: {
      idNumberMasked: { type: 'string', example: '410105********7716' },
      complete: { type: 'boolean', description: 'every service answered 2xx' },
      services: {
        type: 'object',
        properties: {
          'hardship-cases': servicePart,
          'education-grants': servicePart,
          'medical-aid': servicePart,
        },
      },
    },
  },
};
