export * from './hardship-cases.service-definition';
export * from './hardship-cases.module';
