import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries of src/ (the zones of bulletproof-react's lint config, with core
 * no-restricted-imports): a feature never imports another feature or the app shell, and the core
 * (api, components, config, lib, session) imports neither. Shared code moves down into the core.
 */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const core = ['api', 'components', 'config', 'lib', 'session'];
const segment = (names) => `(^|/)(${names.join('|')})(/|$)`;
const appShell = {
  regex: segment(['app']),
  message: 'Only src/app imports the app shell: pass what the page needs as props, or move it into the core.',
};
const boundaries = [
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            appShell,
            ...(features.length > 1
              ? [
                  {
                    regex: segment(features.filter((f) => f !== feature)),
                    message:
                      'A feature never imports another feature: move what both need into src/components or src/api.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
  {
    files: core.map((dir) => `src/${dir}/**/*.{ts,tsx}`),
    // a test may render with the app's theme, as src/test/render.tsx does
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: segment(['features', 'app']),
              message:
                'The core (api, components, config, lib, session) never imports a feature or the app shell.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  ...boundaries,
  {
    // The simulator, scripts, benchmark and tests run in Node and may print.
    files: [
      'sim/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      'bench/**/*.{ts,mjs}',
      'e2e/**/*.ts',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
