import { COMMON_ERRORS, ref, type Schema } from './openapi-parts';
import { PURPOSE_PARAMETER } from './privacy-operations';

// The routes the gateway answers itself (not forwarded, so not in the route table).

export const PEOPLE_PATH = '/api/v1/people/{idNumber}';

export function peopleOperation(): Record<string, Schema> {
  return {
    get: {
      summary: 'One person across the three programmes (identity number returned masked)',
      description:
        "Roles: caseworker, reviewer, auditor. Each programme's part is its service's answer for the person (a caseworker sees only their units' records), or `{ available: false, detail }` when that service failed. `receivedThisYearFen`: what each programme paid the person this calendar year, in fen; null for a programme that did not answer, and then the total is null too.",
      tags: ['people'],
      operationId: 'getPerson',
      'x-roles': ['caseworker', 'reviewer', 'auditor'],
      parameters: [
        {
          name: 'idNumber',
          in: 'path',
          required: true,
          schema: { type: 'string', example: '630102198503120013' },
        },
        PURPOSE_PARAMETER,
      ],
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: ref('PersonView') } } },
        ...COMMON_ERRORS,
      },
    },
  };
}

export function devTokenOperation(): Record<string, Schema> {
  return {
    post: {
      summary: 'A development token (only when AUTH_DEV_LOGIN=true; 404 otherwise)',
      tags: ['auth'],
      operationId: 'postDevToken',
      security: [],
      requestBody: { required: true, content: { 'application/json': { schema: ref('DevTokenRequest') } } },
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': { schema: { type: 'object', properties: { token: { type: 'string' } } } },
          },
        },
        '400': COMMON_ERRORS['400'],
        '404': COMMON_ERRORS['404'],
      },
    },
  };
}

export const AUTH_CONFIG_PATH = '/api/v1/auth/config';

export function authConfigOperation(): Record<string, Schema> {
  return {
    get: {
      summary: 'How the console signs people in: development personas, OpenID Connect, or both',
      description:
        "Public. `oidc` (when OIDC_CLIENT_ID is set): the identity provider whose tokens the gateway accepts (JWT_ISSUER), the console's public client id and scopes; sign in with the authorization code flow and PKCE (S256). `audience`, when present, is the aud the gateway accepts: ask for an access token for it (RFC 8707 `resource`) and send that; when absent, the ID token (aud = client id) is the bearer token.",
      tags: ['auth'],
      operationId: 'getAuthConfig',
      security: [],
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: ref('AuthConfig') } } },
      },
    },
  };
}

/** One programme's part: `records` (that service's answer) when `available`, else `detail`. */
const part = (records: string): Schema => ({
  type: 'object',
  properties: { available: { type: 'boolean' }, records: ref(records), detail: { type: 'string' } },
  required: ['available'],
});

/** Schemas of the gateway's own routes. */
export const GATEWAY_SCHEMAS: Readonly<Record<string, Schema>> = {
  DevTokenRequest: {
    type: 'object',
    required: ['sub', 'roles', 'units'],
    properties: {
      sub: { type: 'string', example: 'wangjg' },
      name: { type: 'string', example: '王建国' },
      roles: {
        type: 'array',
        items: { type: 'string', enum: ['caseworker', 'reviewer', 'auditor', 'admin'] },
      },
      units: { type: 'array', items: { type: 'string' }, example: ['xn-union-01'] },
    },
  },
  AuthConfig: {
    type: 'object',
    required: ['devLogin'],
    properties: {
      devLogin: { type: 'boolean', description: 'POST /api/v1/auth/dev-token is offered (embedded default)' },
      oidc: {
        type: 'object',
        required: ['issuer', 'clientId', 'scope'],
        properties: {
          issuer: { type: 'string', format: 'uri', example: 'https://sso.example.org/realms/union' },
          clientId: { type: 'string', example: 'union-console' },
          scope: { type: 'string', example: 'openid profile' },
          audience: { type: 'string', example: 'https://union.example.org/api' },
        },
      },
    },
  },
  PersonView: {
    type: 'object',
    required: ['idNumberMasked', 'hardship', 'grants', 'medicalAid', 'receivedThisYearFen'],
    properties: {
      idNumberMasked: { type: 'string', example: '630102********0013' },
      idNumber: { type: 'string', description: 'The full identity number: only on a read with `purpose`' },
      hardship: part('PersonHardshipRecords'),
      grants: part('PersonGrantsRecords'),
      medicalAid: part('PersonMedicalAidRecords'),
      receivedThisYearFen: {
        type: 'object',
        description: 'Integer fen paid to the person this calendar year (China time), per programme.',
        required: ['hardship', 'grants', 'medicalAid', 'total'],
        properties: {
          hardship: { type: 'integer', minimum: 0, nullable: true, example: 120_000 },
          grants: { type: 'integer', minimum: 0, nullable: true, example: 0 },
          medicalAid: { type: 'integer', minimum: 0, nullable: true, example: 35_050 },
          total: { type: 'integer', minimum: 0, nullable: true, example: 155_050 },
        },
      },
    },
  },
};
