// Lint rules, and the layering of the architecture: who may import what.
// A violation of a layer is a lint error, and lint is part of `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'stream/*', 'url', 'util', 'worker_threads', 'events', 'buffer', 'zlib', 'readline', 'process'];
const mainOnlyPackages = ['electron', 'electron/*', 'better-sqlite3', 'onnxruntime-node', '@ffmpeg-installer/*', '@ffprobe-installer/*', 'commander', 'cli-progress'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/generated/**', 'test/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // src-shared: pure TypeScript. No Node, Electron, DOM, nor anything of the other layers.
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeBuiltins, ...mainOnlyPackages, 'react', 'react-dom', 'react-dom/*'], message: 'src-shared imports nothing from Node, Electron or the DOM.' },
          { group: ['**/src-main/**', '**/src-renderer/**', '../src-main/*', '../src-renderer/*'], message: 'src-shared may not import the other layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage', '__dirname'],
    },
  },
  {
    // The renderer talks to the main side only through the API contract in src-shared.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    ignores: ['src-renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeBuiltins, ...mainOnlyPackages], message: 'The renderer may not use Node or main-side packages: go through the API contract.' },
          { group: ['**/src-main/**', '../src-main/*', '../../src-main/*'], message: 'The renderer imports only src-shared and its own libraries.' },
        ],
      }],
    },
  },
);
