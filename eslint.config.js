// Lint rules, and the layering of the architecture: who may import what.
// A violation of a layer is a lint error, and lint is part of `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'stream/*',
  'url',
  'util',
  'worker_threads',
  'events',
  'buffer',
  'zlib',
  'readline',
  'process',
];
const mainOnlyPackages = [
  'electron',
  'electron/*',
  'better-sqlite3',
  'onnxruntime-node',
  '@ffmpeg-installer/*',
  '@ffprobe-installer/*',
  'commander',
  'cli-progress',
];

// The main side's folders, top to bottom: a folder may import its own layer and
// the layers below it, never one above (a cycle between rooms, or a use case
// reaching up into a host). The command line and the hosts drive everything; the
// store, media and pure computations know nothing of who calls them.
export const MAIN_LAYERS = [
  ['cli'],
  ['hosts'],
  ['api'],
  ['scan'],
  ['report', 'usecases'],
  ['proxy'],
  ['app'],
  ['analysis'],
  ['review', 'annotations'],
  ['store'],
  ['media'],
  ['spotting', 'evaluation', 'agreement', 'annotationFiles'],
  ['config'],
];
const DEEPEST_FOLDER = 6;

/** One no-restricted-imports block per folder and depth: relative imports are matched as written. */
function mainLayerRules() {
  const order = MAIN_LAYERS.flat().join(' > ');
  return MAIN_LAYERS.flatMap((layer, rank) => {
    const above = MAIN_LAYERS.slice(0, rank).flat();
    return layer.flatMap((folder) =>
      Array.from({ length: DEEPEST_FOLDER }, (_, i) => {
        const up = '../'.repeat(i + 1);
        return {
          files: [`src-main/${folder}/${'*/'.repeat(i)}*.ts`, `src-main/${folder}/${'*/'.repeat(i)}*.cts`],
          rules: {
            'no-restricted-imports': [
              'error',
              {
                patterns: [
                  ...above.map((higher) => ({
                    group: [`${up}${higher}/**`],
                    message: `src-main/${folder} may not import src-main/${higher}, a layer above it (${order}).`,
                  })),
                  { group: [`${up}../tools/**`], message: 'The product may not import tools/ (build and benchmark code, not shipped).' },
                ],
              },
            ],
          },
        };
      }),
    );
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-tools/**', 'node_modules/**', 'test/fixtures/generated/**', 'test/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Prettier wraps code at 140; what it cannot wrap (a long string, a comment) still may not pass 160.
      'max-len': ['error', { code: 160, tabWidth: 2 }],
    },
  },
  {
    // src-shared: pure TypeScript. No Node, Electron, DOM, nor anything of the other layers.
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, ...mainOnlyPackages, 'react', 'react-dom', 'react-dom/*'],
              message: 'src-shared imports nothing from Node, Electron or the DOM.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**', '../src-main/*', '../src-renderer/*'],
              message: 'src-shared may not import the other layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage', '__dirname'],
    },
  },
  ...mainLayerRules(),
  {
    // The renderer talks to the main side only through the API contract in src-shared.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    ignores: ['src-renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, ...mainOnlyPackages],
              message: 'The renderer may not use Node or main-side packages: go through the API contract.',
            },
            {
              group: ['**/src-main/**', '../src-main/*', '../../src-main/*'],
              message: 'The renderer imports only src-shared and its own libraries.',
            },
          ],
        },
      ],
    },
  },
);
