export * from './education-grants.service-definition';
export * from './education-grants.module';
