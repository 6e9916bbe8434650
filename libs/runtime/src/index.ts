export * from './runtime.di-tokens';
export * from './service-definition';
export * from './service-infra';
export * from './service-health';
export * from './service-settings';
export * from './runtime.module';
export * from './start-service';
export * from './consumers/integration-consumer.provider';
export * from './eligibility/hardship-eligibility.entity';
export * from './eligibility/hardship-eligibility.consumer';
export * from './eligibility/hardship-eligibility.reader';
export * from './eligibility/hardship-eligibility.module';
export * from './eligibility/hardship-eligibility.di-tokens';
export * from './people/person-records.controller';
export * from './run-service-process';
export * from './http';
export * from './audit/audit-state';
export * from './audit/audit-policy';
export * from './audit/audit-export';
export type { VerifyStreamLine } from './audit/verify-stream';
export * from './audit/audit-event';
export * from './audit/access-log';
export { NotRecorded, RecordedForEveryone } from './audit/access-log.interceptor';
export { readsBeyondOwnUnits } from './audit/access-scope';
export {
  ACCESS_LOG_MIGRATIONS,
  AuditAccessLog1732300000300,
  AuditAccessLogQuery1732300000310,
  AuditAccessLogPurpose1732300000320,
} from './audit/access-log.migration';
export * from './org';
export * from './privacy/personal-read-models';
export * from './privacy/privacy.service';
export * from './privacy/disclosure';
export * from './privacy/person-identities';
export { Purpose, statedPurposeOf } from './privacy/purpose';
export * from './privacy/processing-records';
export * from './privacy/retention';
export * from './privacy/restricted-people.projection';
