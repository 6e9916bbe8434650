export * from '@union/event-store/testing';
export * from './process-cluster';
export * from './service-harness';
export * from './gateway-hop';
export type { FaultsReport } from './faults/report';
