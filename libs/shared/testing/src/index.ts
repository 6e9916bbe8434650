export * from '@union/event-store/testing';
export * from './process-cluster';
