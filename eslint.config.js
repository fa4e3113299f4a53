// Flat config. Type-aware rules for TypeScript (typescript-eslint strictTypeChecked),
// plus the import boundaries of docs/ARCHITECTURE: each folder may import only
// what the layer below it offers.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];

// Globals for the few plain-JS files (configs, build scripts), all Node.
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

/** One `no-restricted-imports` rule from bare module names and gitignore-style patterns. */
function restrict(message, { paths = [], patterns = [] }) {
  return [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: [{ group: patterns, message }],
    },
  ];
}

const NODE_BUILTINS = [
  'fs',
  'path',
  'crypto',
  'os',
  'child_process',
  'url',
  'util',
  'stream',
  'http',
  'https',
];
const nodeBuiltinPatterns = ['node:*', ...NODE_BUILTINS.map((name) => `${name}/*`)];

export default defineConfig([
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.bench-data/**',
      '.data/**',
    ],
  },

  js.configs.recommended,

  {
    files: JS_FILES,
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: nodeGlobals },
  },

  {
    files: TS_FILES,
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        // vite.config.ts belongs to neither tsconfig (tsconfig.node.json leaves it to the
        // renderer's owner, tsconfig.web.json has no Node types): check it with the Node options.
        projectService: { allowDefaultProject: ['vite.config.ts'], defaultProject: 'tsconfig.node.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is idiomatic; a void in a shorthand arrow confuses no one.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // JSX handlers may be async (react-hook-form's handleSubmit); floating promises stay an error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // Migrations are written against Kysely<any> and frozen once released.
  {
    files: ['db/migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Tests poke at untyped results (JSON bodies, rows) on purpose.
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // The main and Node-side code log through the Logger, not the console.
  {
    files: ['db/**/*.ts', 'electron/**/*.ts'],
    rules: { 'no-console': 'warn' },
  },

  // ── Import boundaries ────────────────────────────────────────────────
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        'shared/ is pure TypeScript: no Node, Electron, database or React, and nothing else of the repo.',
        {
          paths: [...NODE_BUILTINS, 'better-sqlite3-multiple-ciphers', 'react', 'react-dom'],
          // `**/electron` also matches the bare `electron` module.
          patterns: [...nodeBuiltinPatterns, 'react-dom/*', '**/db', '**/electron', '**/renderer'],
        },
      ),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('db/ may import shared/ only (no Electron, no React, no renderer).', {
        paths: ['react'],
        // `**/electron` also matches the bare `electron` module.
        patterns: ['**/electron', '**/renderer'],
      }),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/handlers/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        'The core, the handlers and the web shell must not import electron (the loopback shell hosts them) nor the renderer.',
        {
          paths: ['electron'],
          // `**/main` keeps out the Electron shell (electron/main) and electron-log/main.
          patterns: ['**/renderer', '**/main'],
        },
      ),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('The Electron shell must not import the renderer.', {
        patterns: ['**/renderer'],
      }),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        'The renderer may import shared/ only: it talks to the rest through the api client.',
        {
          paths: ['better-sqlite3-multiple-ciphers', ...NODE_BUILTINS],
          // `**/electron` also matches the bare `electron` module.
          patterns: [...nodeBuiltinPatterns, '**/db', '**/electron'],
        },
      ),
    },
  },
]);
