// Lint: typescript-eslint, React's hooks rules, no import cycles, and the layers' boundaries (which
// folder may import which): see docs/architecture.md.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `from` folders that code in `target` may not import (import-x/no-restricted-paths zones). */
const boundaries = [
  // The ingest is pure: it imports nothing else of the app, and runs in Node and in a browser worker.
  { target: './src/ingest', from: './src', except: ['./ingest'], message: 'src/ingest imports only itself.' },
  // Named queries are SQL text: no engine, no UI.
  {
    target: './src/queries',
    from: ['./src/db', './src/hooks', './src/workspace', './src/views', './src/components', './src/brief', './src/i18n', './src/export'],
    message: 'queries build SQL only.',
  },
  // Shared SQL text and schema (browser and Node): nothing of the app around it.
  { target: './src/sql', from: './src', except: ['./sql'], message: 'src/sql imports only itself.' },
  // The engine (DuckDB-wasm) knows nothing of what runs on it: no workspace, no React glue, no UI.
  {
    target: './src/db',
    from: ['./src/workspace', './src/hooks', './src/views', './src/components', './src/brief', './src/i18n', './src/App.tsx'],
    message: 'the engine may not import the workspace or the UI (it takes an after-attach step instead).',
  },
  // React glue over the engine: no feature code, no UI.
  { target: './src/hooks', from: ['./src/workspace', './src/views', './src/components', './src/brief'], message: 'hooks may not import features or UI.' },
  // The workspace feature: engine and SQL below it, never the UI.
  { target: './src/workspace', from: ['./src/views', './src/components', './src/brief', './src/App.tsx'], message: 'the workspace may not import UI.' },
  // The rest of the app enters the workspace by its index.ts only (and main.tsx by stored.ts too: whether anything
  // is stored, read at start-up without loading the workspace's code).
  {
    target: ['./src/components', './src/views', './src/brief', './src/i18n', './src/state', './src/App.tsx'],
    from: './src/workspace',
    except: ['./index.ts'],
    message: 'import the workspace from src/workspace/index.ts.',
  },
  { target: './src/main.tsx', from: './src/workspace', except: ['./index.ts', './stored.ts'], message: 'import the workspace from src/workspace/index.ts.' },
  // Strings and names only: i18n runs no query and knows no view.
  { target: './src/i18n', from: ['./src/db', './src/hooks', './src/workspace', './src/queries', './src/views', './src/components'], message: 'i18n takes names from the ingest constants, not SQL.' },
  // The URL state is plain data: no engine, no queries, no UI.
  {
    target: './src/state',
    from: ['./src/db', './src/hooks', './src/workspace', './src/queries', './src/views', './src/components', './src/brief', './src/i18n'],
    message: 'state may not import the engine, queries or UI.',
  },
  // Components are the views' parts; they never reach back into a view.
  { target: './src/components', from: './src/views', message: 'components may not import views.' },
  // The app knows nothing of the benchmark's floor page (bench/), which uses the engine.
  { target: './src', from: './bench', message: 'the app may not import the benchmark.' },
  // The export is Node code: nothing of the browser app.
  {
    target: './src/export',
    from: ['./src/db', './src/hooks', './src/workspace', './src/views', './src/components', './src/brief', './src/i18n', './src/state', './src/App.tsx'],
    message: 'the export (Node) may not import browser code: share through src/sql.',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'public/', 'node_modules/', 'data/', 'deploy/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      // Without a parser for .ts files, no-cycle cannot read the modules it follows and finds nothing.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Chinese text is full of the ideographic space (U+3000): allowed in strings, patterns and comments.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts'],
    ignores: ['src/export/**'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: { ...reactHooks.configs.flat['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error' },
    languageOptions: { globals: globals.browser },
  },
  {
    // Browser code and the pure ingest: no Node modules or globals (tsconfig cannot check this, see tsconfig.json).
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts'],
    ignores: ['src/export/**'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', '__filename', 'require', 'global', 'module'],
    },
  },
  {
    files: ['src/export/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
