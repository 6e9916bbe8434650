export * from './gateway.settings';
export * from './gateway.module';
export * from './create-gateway-app';
export { ROUTE_TABLE, matchRoute, type GatewayRoute } from './routing/route-table';
// The gateway's client for the services, also the bench's bare-hop yardstick (bench/gateway.bench.ts).
export { UpstreamHttp, UpstreamFailure, type UpstreamAnswer } from './proxy/upstream-http';
export { FORWARDED_REQUEST_HEADERS, FORWARDED_RESPONSE_HEADERS } from './proxy/routes';
export { buildOpenApiDocument } from './docs/openapi.document';
