// Lint enforces the layer boundaries of docs/ARCHITECTURE.md (who may import whom), plus typescript-eslint's
// recommended rules. Boundaries are import patterns, checked per folder.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'util', 'url', 'http', 'https', 'net'];
const restrict = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'tests/.artifacts/**', 'benchmarks/.corpus/**', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Use the seeded PRNG (shared/random): samples must be re-derivable.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict(nodeBuiltins, 'shared/ is pure: no Node built-ins.'),
        restrict(['electron', 'react', 'react-dom', 'better-sqlite3', 'video.js', 'pdfkit'], 'shared/ is pure TypeScript (zod only).'),
        restrict(['**/electron/**', '**/renderer/**'], 'shared/ imports only shared/.'),
      ] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict(['electron'], 'core and CLI are plain Node: never import electron.'),
        restrict(['**/renderer/**', '**/main/**', '**/preload/**', 'react', 'react-dom', 'video.js'], 'core may import only shared/ and Node.'),
      ] }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc/router.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Only electron/main/ipc/router.ts touches ipcMain.' }],
        patterns: [restrict(['**/renderer/**', '**/preload/**', 'react', 'react-dom'], 'main may import core, shared and electron.')],
      }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict(nodeBuiltins, 'the sandboxed preload has no Node.'),
        restrict(['**/core/**', '**/main/**', '**/renderer/**'], 'preload imports only shared/ and electron (contextBridge, ipcRenderer).'),
      ] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.mts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        restrict(nodeBuiltins, 'the renderer is a sandboxed web page: no Node.'),
        restrict(['electron', 'better-sqlite3'], 'the renderer reaches the core only through window.bwc.'),
        restrict(['**/electron/**'], 'renderer imports only shared/ and browser packages.'),
      ] }],
    },
  },
  {
    files: ['tests/**/*.ts', 'benchmarks/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
