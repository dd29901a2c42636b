import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Playwright fixtures hand their value to a callback named `use`; it is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  globalIgnores([
    '.next/**',
    '.next-e2e/**',
    '.next-rehearsal/**',
    '.next-bench/**',
    'bench/bare-app/.next/**',
    'bench/bare-app/next-env.d.ts',
    '.stack/**',
    'node_modules/**',
    'contracts/out/**',
    'contracts/cache/**',
    'contracts/bin/**',
    'indexer/.ponder/**',
    'indexer/generated/**',
    'indexer/ponder-env.d.ts',
    'lib/contracts/abis.ts',
    'next-env.d.ts',
    'playwright-report/**',
    'test-results/**',
    'bench/results/**',
  ]),
]);
