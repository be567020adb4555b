// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:*'];

/** The process boundaries of docs/architecture.md §2, as import rules: a violation is a lint error, not a review comment. */
const restrict = (...patterns) => ['error', { patterns }];
const noNode = { group: nodeBuiltins, message: 'This code also runs outside Node: no Node built-ins here.' };
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only main/electron/ and preload/ may import electron; everything else must run under plain Node.',
};
const noReact = {
  group: ['react', 'react-dom', 'react-dom/*', 'zustand'],
  message: 'common/ is pure domain code.',
};
const noMain = { regex: '(^|/)main/', message: 'Only the IPC contract crosses from main to this process.' };
const noPreload = {
  regex: '(^|/)preload/',
  message: 'The renderer reaches preload only through window.giftbatch.',
};
const noRenderer = { regex: '(^|/)renderer/', message: 'The renderer is reached only through IPC.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'no-console': 'error',
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['common/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(noNode, noElectron, noReact, noMain, noPreload, noRenderer) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': restrict(noNode, noElectron, noMain, noPreload),
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'giftbatch',
          message: 'Reach main only through renderer/src/bridge.ts.',
        },
      ],
    },
  },
  {
    files: ['renderer/src/bridge.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/index.ts'],
    rules: { 'no-restricted-imports': restrict(noElectron, noPreload, noRenderer) },
  },
  {
    files: ['main/electron/**/*.ts', 'main/index.ts'],
    rules: { 'no-restricted-imports': restrict(noPreload, noRenderer) },
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict(noMain, noRenderer) },
  },
);
