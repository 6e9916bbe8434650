import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES, statusOf } from '@union/kernel';
import { ROUTE_TABLE, type GatewayRoute } from '../routing/route-table';
import {
  AUDIT_SCHEMAS,
  TIMELINE_PATH,
  timelineOperation,
  TRACE_PATH,
  traceOperation,
} from './audit-operations';
import { APPROVALS_PATH, APPROVALS_SCHEMAS, approvalsOperation } from './approvals-schemas';
import { ELIGIBILITY_SCHEMAS } from './eligibility-schema';
import { GRANTS_SCHEMAS } from './grants-schemas';
import { HARDSHIP_SCHEMAS } from './hardship-schemas';
import { PROGRAMME_SCHEMAS } from './programme-schemas';
import { MEDICAL_AID_SCHEMAS } from './medical-aid-schemas';
import {
  AUTH_CONFIG_PATH,
  authConfigOperation,
  devTokenOperation,
  GATEWAY_SCHEMAS,
  PEOPLE_PATH,
  peopleOperation,
} from './gateway-operations';
import {
  PRIVACY_PERSON_PATH,
  PROCESSING_RECORDS_PATH,
  processingRecordsOperation,
  PURPOSE_PARAMETER,
  PRIVACY_REQUEST_PATH,
  PRIVACY_SCHEMAS,
  privacyPersonOperation,
  privacyRequestOperation,
} from './privacy-operations';
import { COMMON_ERRORS, ref, WRITE_ERRORS, type Schema } from './openapi-parts';
import { REQUEST_BODIES } from './request-bodies';

const header = (name: string, description: string): Schema => ({
  name,
  in: 'header',
  required: false,
  description,
  schema: { type: 'string' },
});

function operation(route: GatewayRoute): Schema {
  const params = [...route.path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = (route.query ?? []).map((name) =>
    name === 'purpose'
      ? PURPOSE_PARAMETER
      : {
          name,
          in: 'query',
          required: false,
          schema: { type: 'string' },
        },
  );
  const write = route.method !== 'GET';
  const writeHeaders = write
    ? [
        header('Idempotency-Key', 'Replays the first response for the same key and body'),
        header('If-Match', '"<version>"'),
      ]
    : [];
  return {
    summary: route.summary,
    description: `Roles: ${route.roles.join(', ')}.`,
    tags: [route.path.startsWith('/api/v1/audit/') ? 'audit' : route.upstream],
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    'x-roles': route.roles,
    parameters: [...params, ...query, ...writeHeaders],
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } }
      : {}),
    responses: {
      [String(route.status)]: {
        description: route.status === 201 ? 'Created' : 'OK',
        content: Object.fromEntries(
          (route.content ?? ['application/json']).map((type) => [
            type,
            { schema: type === 'text/csv' ? { type: 'string' } : ref(route.response) },
          ]),
        ),
      },
      ...COMMON_ERRORS,
      ...(write ? WRITE_ERRORS : {}),
    },
  };
}

/** The gateway's OpenAPI document, built from the route table so the two cannot drift apart. */
export function buildOpenApiDocument(routes: readonly GatewayRoute[] = ROUTE_TABLE): OpenAPIObject {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const route of routes) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  paths[PEOPLE_PATH] = peopleOperation();
  paths[APPROVALS_PATH] = approvalsOperation();
  paths[TIMELINE_PATH] = timelineOperation();
  paths[TRACE_PATH] = traceOperation();
  paths['/api/v1/auth/dev-token'] = devTokenOperation();
  paths[AUTH_CONFIG_PATH] = authConfigOperation();
  paths[PRIVACY_PERSON_PATH] = privacyPersonOperation();
  paths[PRIVACY_REQUEST_PATH] = privacyRequestOperation();
  paths[PROCESSING_RECORDS_PATH] = processingRecordsOperation();
  return {
    openapi: '3.0.3',
    info: {
      title: 'Union assistance gateway',
      version: '1',
      description:
        'Hardship cases, education grants, medical mutual aid and the union tree behind one gateway (API.md).',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        ...REQUEST_BODIES,
        ...GATEWAY_SCHEMAS,
        ...PRIVACY_SCHEMAS,
        ...AUDIT_SCHEMAS,
        ...ELIGIBILITY_SCHEMAS,
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: {
            type: {
              type: 'string',
              format: 'uri',
              example: 'https://errors.union-assistance.local/forbidden',
            },
            title: { type: 'string' },
            status: { type: 'integer', example: 403 },
            detail: { type: 'string', example: 'This action needs the role reviewer.' },
            code: {
              type: 'string',
              enum: [...ERROR_CODES],
              'x-status': Object.fromEntries(ERROR_CODES.map((c) => [c, statusOf(c)])),
            },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
        Page: {
          type: 'object',
          properties: {
            items: { type: 'array', items: {} },
            page: { type: 'integer' },
            pageSize: { type: 'integer' },
            total: { type: 'integer' },
          },
        },
        Result: { type: 'object', description: 'The record as API.md describes it' },
        ...HARDSHIP_SCHEMAS,
        ...PROGRAMME_SCHEMAS,
        ...APPROVALS_SCHEMAS,
        ...MEDICAL_AID_SCHEMAS,
        ...GRANTS_SCHEMAS,
      },
    },
  } as OpenAPIObject;
}
