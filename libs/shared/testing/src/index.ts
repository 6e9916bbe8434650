export * from '@union/event-store/testing';
export * from './process-cluster';
export * from './service-harness';
export type { FaultsReport } from './faults/report';
