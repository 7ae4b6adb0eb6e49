// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.build/**',
      'static/*/dist/**',
      'static/*/prerender/**',
      'coverage/**',
      '.preview-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        globalThis: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain core is pure: no Forge, no React, no I/O, nothing of ours outside it.
    files: ['src/declaration/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@forge/*', 'react', 'react-dom', 'react/*', '@atlaskit/*'],
              message: 'src/declaration is pure: no Forge, React or Atlaskit.',
            },
            {
              group: ['node:*', 'fs', 'path', 'http', 'child_process'],
              message: 'src/declaration does no I/O.',
            },
            {
              group: ['../backend/*', '../cli/*', '../local/*', '../../static/*', '../index'],
              message: 'src/declaration depends on nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the preview and tests may use the local runtime.
    files: ['src/backend/**/*.ts', 'src/cli/**/*.ts', 'src/index.ts', 'static/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/local/*', '**/local'],
              message: 'Only the preview and tests use the local runtime.',
            },
          ],
        },
      ],
    },
  },
);
