export * from './organisation.service-definition';
export * from './organisation.module';
export * from './seeds/seed-tree';
export * from './adoption/adopt-units';
