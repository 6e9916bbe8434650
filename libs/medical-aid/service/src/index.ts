export * from './medical-aid.service-definition';
export * from './medical-aid.module';
