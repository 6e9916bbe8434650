export * from './org-scope';
export * from './org-scope.di-tokens';
export * from './org-units.consumer';
export * from './org-units.migration';
export * from './org-units.projection';
