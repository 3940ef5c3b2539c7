// Lint rules, including the architecture: src/domain is pure and imports no framework, storage or file library;
// src/io imports no storage.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const UI_PATHS = ['../ui/*', '../../ui/*', '**/ui/**'];
const INWARD = 'Les dépendances vont ui → state → {storage, io} → domain.';

// File formats are written from domain types, never from storage rows: io does not import storage or Dexie.
const STORAGE_PATHS = ['dexie', 'dexie/*', '../storage', '../storage/*', '**/storage', '**/storage/**'];
const NO_STORAGE_IN_IO =
  'src/io ne dépend pas du stockage : les formats de fichier utilisent les types du domaine (src/domain), jamais src/storage ni Dexie.';

const FORBIDDEN_IN_DOMAIN = [
  'svelte',
  'svelte/*',
  'dexie',
  'xlsx',
  'chart.js',
  'chart.js/*',
  'ag-grid-community',
  'ag-grid-community/*',
  '@gouvfr/dsfr',
  '@gouvfr/dsfr/*',
  '../ui/*',
  '../state/*',
  '../storage/*',
  '../io/*',
  '**/ui/**',
  '**/state/**',
  '**/storage/**',
  '**/io/**',
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-results.json', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'innerHTML est interdit : afficher les données comme du texte.' },
        { property: 'outerHTML', message: 'outerHTML est interdit.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'innerHTML est interdit : afficher les données comme du texte.',
        },
      ],
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/io/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['xlsx', 'xlsx/*'], message: 'SheetJS ne vit que dans src/io.' }] },
      ],
    },
  },
  // Dependencies point inward (ui → state → {storage, io} → domain): nothing below ui imports it.
  {
    files: ['src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_PATHS, message: INWARD },
            { group: STORAGE_PATHS, message: NO_STORAGE_IN_IO },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts', 'src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_PATHS, message: INWARD },
            { group: ['xlsx', 'xlsx/*'], message: 'SheetJS ne vit que dans src/io.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: FORBIDDEN_IN_DOMAIN,
              message: 'src/domain est pur : aucun framework, stockage, fichier ou UI (voir STYLE.md).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'indexedDB', 'localStorage', 'navigator'],
    },
  },
);
