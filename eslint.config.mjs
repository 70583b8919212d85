import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** Next.js's rules (React, react-hooks, accessibility, Core Web Vitals) and its TypeScript rules; `npm run lint` allows no warnings. */
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value left unused on purpose (a field dropped by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Not React: Playwright fixtures call `use`, the bench and the data layer have functions named `use…`.
    files: ['e2e/**', 'bench/**', 'lib/data/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Pages and components reach data through functions that check access themselves. The
    // helpers those functions share check nothing, so they stay out of reach here.
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@/db', importNames: ['db'], message: 'Pages query through lib/data functions that take the actor.' },
            { name: 'next/link', message: 'Use Link from @/lib/i18n/navigation: it keeps the language and prefetches on intent, not on sight.' },
          ],
          patterns: [
            {
              group: ['@/lib/data/internal/*', '@/lib/data/*/internal', '@/lib/data/call-parts', '@/lib/data/user-tokens', '@/lib/data/publication'],
              message: 'Unchecked data helpers: call a lib/data function that takes the actor and checks access.',
            },
          ],
        },
      ],
    },
  },
  {
    // CommonJS files, loaded by Next or Node as they are.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  globalIgnores(['.next/**', '.next-scale/**', '.data/**', 'out/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'blob-report/**', 'next-env.d.ts', 'db/migrations/**']),
]);
