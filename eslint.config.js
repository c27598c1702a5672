import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'release/', 'node_modules/', 'renderer/dist/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', performance: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Layering (as vscode's code-layering): the engine never reaches into the shells.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*'], message: 'src/ is the engine: pure Node, no electron.' },
        { group: ['**/electron/**', '**/renderer/**'], message: 'src/ must not import the shells.' },
      ] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', navigator: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '(^|/)src/(?!api/|i18n/|util/inert\\.js$|checks/vendors\\.js$)', message: 'renderer/ talks only to the API contract (src/api), the shared translations (src/i18n), inert rendering (src/util/inert) and the vendor-name table (src/checks/vendors).' },
        { group: ['node:*', 'electron'], message: 'renderer/ has no Node or Electron access.' },
      ] }],
    },
  },
);
