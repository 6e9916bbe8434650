import { COMMON_ERRORS, ref, WRITE_ERRORS, type Schema } from './openapi-parts';

// The privacy routes the gateway composes itself (API.md, "Personal information"; issue 18).

export const PRIVACY_PERSON_PATH = '/api/v1/privacy/people/{idNumber}';
export const PRIVACY_REQUEST_PATH = '/api/v1/privacy/people/{idNumber}/requests';

const idNumber = { name: 'idNumber', in: 'path', required: true, schema: { type: 'string', example: '410105197001017716' } };
const answered = (description: string, status: string): Record<string, Schema> => ({
  [status]: { description, content: { 'application/json': { schema: ref('PrivacyAnswer') } } },
  ...COMMON_ERRORS,
});

export function privacyPersonOperation(): Record<string, Schema> {
  return {
    get: {
      summary: "A person's personal data in each service: active, restricted (until when) or erased (when), and the retention end",
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
        'Role: admin. In each service, whatever the kind asked: when the person\'s retention there has passed (every record closed `RETENTION_YEARS_<PROGRAMME>` years ago, or none held), the service destroys the person\'s data key, scrubs its read models and records `PersonalDataErased` (`erased`); otherwise it restricts processing (`restricted`, `until` the retention end, or null while a record is open: records take no commands, 422 `PERSON_RESTRICTED`, and leave worklists and batches) and records `PersonalDataRestricted`. The retention sweep erases them when the date comes. `complete` is false when a service did not answer: send the same request again (a request is idempotent per service).',
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
          description: 'restricted: until the retention end; null until further notice (a record is still open)',
        },
        restrictedAt: { type: 'string', format: 'date-time', nullable: true },
        erasedAt: { type: 'string', format: 'date-time', nullable: true },
        retentionEndsOn: {
          type: 'string',
          format: 'date',
          nullable: true,
          description: "the person's last record here closed plus the programme's retention years; null while a record is open",
        },
        openRecords: { type: 'boolean', description: 'status: a record of theirs is still open here' },
        records: { type: 'integer', description: 'status: how many records of theirs this service holds' },
        rowsScrubbed: { type: 'integer' },
      },
    },
    detail: { type: 'string' },
  },
};

export const PRIVACY_SCHEMAS: Readonly<Record<string, Schema>> = {
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
