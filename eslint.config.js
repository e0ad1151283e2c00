import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'dist.*/', 'addin/dist/', 'coverage/', '.tsbuild/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'shared/ is isomorphic: no Node built-ins.' },
            {
              group: ['**/server/**', '**/addin/**'],
              message: 'shared/ imports nothing from server/ or addin/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The task pane runs in the browser inside Office: no Node built-ins, and Office.js batching rules.
    files: ['addin/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The task pane runs in the browser: no Node built-ins.' },
            { group: ['**/server/**'], message: 'The task pane talks to the service over HTTP only.' },
          ],
        },
      ],
    },
  },
  {
    // The Excel adapter (addin/src/excel/) is the only code that calls Office.js.
    files: ['addin/src/**/*.ts'],
    ignores: ['addin/src/excel/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Office', message: 'Only addin/src/excel/ calls Office.js.' },
        { name: 'Excel', message: 'Only addin/src/excel/ calls Office.js.' },
      ],
    },
  },
);
