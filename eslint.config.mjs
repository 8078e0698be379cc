// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettierRecommended from 'eslint-plugin-prettier/recommended';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import { LAYERS } from './config/layers.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'apps/web/src/api/schema.d.ts',
      'test-artifacts/**',
      // a mutation run's sandbox (a copy of the tree with instrumented files)
      '.stryker-tmp/**',
      'reports/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      '*.js',
      '*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettierRecommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['warn', { allow: ['warn', 'error'] }],
    },
  },
  {
    // the one-way layering of the README: a lib imports only the libs below it
    files: ['apps/api/**/*.ts', 'apps/worker/**/*.ts', 'libs/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        ...Object.keys(LAYERS).map((lib) => ({ type: lib, pattern: `libs/${lib}/src` })),
        { type: 'api', pattern: 'apps/api/src' },
        { type: 'worker', pattern: 'apps/worker/src' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...Object.entries(LAYERS).map(([lib, below]) => ({
              from: { element: { type: lib } },
              allow: { to: { element: { types: { anyOf: [lib, ...below] } } } },
            })),
            {
              from: { element: { types: { anyOf: ['api', 'worker'] } } },
              allow: { to: { element: { types: { anyOf: Object.keys(LAYERS) } } } },
            },
            { from: { element: { type: 'api' } }, allow: { to: { element: { type: 'api' } } } },
            { from: { element: { type: 'worker' } }, allow: { to: { element: { type: 'worker' } } } },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
