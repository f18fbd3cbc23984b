import js from '@eslint/js';
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';
import jest from 'eslint-plugin-jest';
import globals from 'globals';

// Imports that would tie the pure domain to a framework, a database, a cache or the OS.
const forbiddenInDomain = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'pg',
  'ioredis',
  'redis',
  'bullmq',
  'socket.io',
  'express',
  '@app/database',
  '@app/config',
  '@app/common',
  'fs',
  'node:*',
  'fs/*',
  'net',
  'http',
  'https',
  'child_process',
  'os',
  'path',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      '.tmp/**',
      'libs/api-client/src/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: forbiddenInDomain,
              message:
                'libs/domain is pure TypeScript: no framework, database, cache or Node I/O imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/database', '@app/database/*'],
              message:
                'libs/common is below the database: the signed-in user is AuthUser, not an entity.',
            },
          ],
        },
      ],
    },
  },
  {
    // Queries live in repositories (and migrations, the CLI and the database library itself).
    files: ['libs/**/*.ts', 'apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.spec.ts',
      'libs/database/**',
      'libs/domain/**',
      'apps/api/src/cli/**',
      // A session advisory lock on a connection of its own for the process's lifetime.
      'apps/api/src/api-singleton.lock.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['query', 'getRepository', 'createQueryBuilder'].map((name) => ({
          selector: `CallExpression[callee.property.name='${name}']`,
          message: `SQL belongs in a *.repository.ts: call a repository method instead of .${name}().`,
        })),
        {
          selector: "CallExpression[callee.name='queryRows']",
          message: 'SQL belongs in a *.repository.ts: call a repository method instead.',
        },
      ],
    },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', '@app/*', 'ioredis', 'socket.io'],
              message: 'libs/contracts is type-only and imports nothing server-side.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app: the Angular style guide's rules on its TypeScript; its inline templates are
    // linted as the *.html blocks below (recommended + accessibility).
    files: ['apps/web/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'ht', style: 'kebab-case' },
      ],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'ht', style: 'camelCase' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
      '@angular-eslint/prefer-output-emitter-ref': 'error',
      '@angular-eslint/no-async-lifecycle-method': 'error',
      '@angular-eslint/use-lifecycle-interface': 'error',
      '@angular-eslint/component-class-suffix': ['error', { suffixes: ['Component', 'Page'] }],
    },
  },
  {
    files: ['apps/web/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {
      '@angular-eslint/template/prefer-self-closing-tags': 'error',
      '@angular-eslint/template/button-has-type': 'error',
      '@angular-eslint/template/no-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.http-spec.ts', 'test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/valid-expect': ['error', { alwaysAwait: true }],
      'jest/expect-expect': [
        'error',
        { assertFunctionNames: ['expect', 'expect*', 'request.**.expect'] },
      ],
    },
  },
);
