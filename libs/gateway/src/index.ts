export * from './gateway.settings';
export * from './gateway.module';
export * from './create-gateway-app';
