// @ts-check
/**
 * The house rules, checked by `npm run lint` (and `.ci/run`): typescript-eslint and eslint-plugin-astro's
 * recommended sets, plus the two rules the layout relies on (README, "Code layout"):
 *  - pure code has no Astro import, whatever folder it sits in: only the Astro side (pages, layouts,
 *    components, integrations, the page context, the content config) may import astro or .astro files;
 *  - nothing outside src/i18n branches on a locale: a word that differs by language is a dictionary key,
 *    a format a FORMATS entry.
 * The config lives under test/ beside vitest's: the design card fixes the top level.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Files that belong to Astro's side of the house. */
const ASTRO_SIDE = [
  'src/pages/**',
  'src/layouts/**',
  'src/components/**',
  'src/integrations/**',
  'src/page/**',
  'src/content.config.ts',
  'src/**/*.astro',
  'src/mdx/components/**',
  'src/search/SearchTrigger.astro',
];

const LOCALE_LITERAL = 'Literal[value=/^(en|zh-CN|zh-TW|zh)$/]';

export default tseslint.config(
  { ignores: ['dist/**', '.dist-*/**', '.astro/**', 'node_modules/**', 'bench/tmp/**', 'test-results/**', 'test/fixtures/**', 'schemas/**', '.tmp/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { parserOptions: { tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `BinaryExpression[operator=/^[!=]==?$/] > ${LOCALE_LITERAL}`,
          message: 'No locale branches outside src/i18n: add a dictionary key (src/i18n/zh-CN.ts …) or a FORMATS entry.',
        },
        {
          selector: `SwitchCase > ${LOCALE_LITERAL}.test`,
          message: 'No locale branches outside src/i18n: add a dictionary key (src/i18n/zh-CN.ts …) or a FORMATS entry.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ASTRO_SIDE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^astro(:|/|$)',
              message: 'Pure code has no Astro import: hand it data from a page, or move it to the Astro side (src/page, src/integrations).',
            },
            { regex: '\\.astro$', message: 'Pure code has no Astro import.' },
          ],
        },
      ],
    },
  },
  { files: ['src/i18n/**'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['test/**', 'scripts/**'], rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
);
