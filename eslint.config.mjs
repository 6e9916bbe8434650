// Module boundaries are enforced here (ARCHITECTURE.md, "Layout"): a service scope imports only
// itself and scope:shared; domain code imports only domain/contracts code and never Nest, TypeORM,
// pg or kafkajs. `npm run lint` fails on a violation (see tools/boundaries.int.spec.ts).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const infraPackages = ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', '@electric-sql/*', 'express', 'jose'];

export default [
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      'data/**',
      'coverage/**',
      '.nx/**',
      'infra/kafka/.cache/**',
      'apps/console/src/api/schema.d.ts',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts', '**/*.tsx'] })),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Layers, one per top-level lib folder: core (kernel, contracts) < infrastructure
            // (event store, messaging, HTTP platform) < runtime < programme (domains, services,
            // gateway) < testing. A layer imports only its own and the ones below it.
            { sourceTag: 'layer:core', onlyDependOnLibsWithTags: ['layer:core'] },
            {
              sourceTag: 'layer:infrastructure',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:infrastructure'],
            },
            {
              sourceTag: 'layer:runtime',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:infrastructure', 'layer:runtime'],
            },
            {
              sourceTag: 'layer:programme',
              onlyDependOnLibsWithTags: [
                'layer:core',
                'layer:infrastructure',
                'layer:runtime',
                'layer:programme',
                'layer:testing',
              ],
            },
            {
              sourceTag: 'layer:testing',
              onlyDependOnLibsWithTags: [
                'layer:core',
                'layer:infrastructure',
                'layer:runtime',
                'layer:testing',
              ],
            },
            {
              sourceTag: 'scope:hardship-cases',
              onlyDependOnLibsWithTags: ['scope:hardship-cases', 'scope:shared'],
            },
            {
              sourceTag: 'scope:education-grants',
              onlyDependOnLibsWithTags: ['scope:education-grants', 'scope:shared'],
            },
            {
              sourceTag: 'scope:medical-aid',
              onlyDependOnLibsWithTags: ['scope:medical-aid', 'scope:shared'],
            },
            {
              sourceTag: 'scope:organisation',
              onlyDependOnLibsWithTags: ['scope:organisation', 'scope:shared'],
            },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
            { sourceTag: 'scope:standalone', onlyDependOnLibsWithTags: ['*'] },
            // The console runs in a browser: only the shared kernel (its browser entry).
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: infraPackages,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: infraPackages,
            },
            {
              sourceTag: 'type:infra',
              onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts', 'type:testing'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts', 'type:testing'],
            },
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: [
                'type:service',
                'type:infra',
                'type:domain',
                'type:contracts',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:service',
                'type:infra',
                'type:domain',
                'type:contracts',
                'type:testing',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Every data source comes from openDatabase, which makes TypeORM refuse undefined and null in
    // where objects (TypeORM otherwise drops them and matches every row: issue 14).
    files: ['**/*.ts'],
    ignores: ['libs/infrastructure/event-store/src/database/data-source.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='DataSource']",
          message:
            'Open databases with openDatabase (@union/event-store): it refuses undefined and null in where objects.',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'bench/**/*.ts', 'tools/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
];
