import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Fixture pages are test data served to the browser, not project code.
  { ignores: ['dist', 'dist-firefox', 'out', 'packages', 'node_modules', 'tests/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Page text must only ever enter the DOM as text (see README, Security).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent or DOM APIs; never innerHTML.' },
        { property: 'outerHTML', message: 'Use DOM APIs; never outerHTML.' },
        { property: 'insertAdjacentHTML', message: 'Use DOM APIs.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Tests and scripts may read serialized markup to compare pages.
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
