export * from './gateway.settings';
export * from './gateway.module';
export * from './create-gateway-app';
export { ROUTE_TABLE, matchRoute, type GatewayRoute } from './routing/route-table';
