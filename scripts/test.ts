/**
 * `npm test`: every check, in the order that fails fastest. Each step runs even when an earlier one
 * failed, so one run shows everything that is wrong; the exit code is non-zero if any failed.
 */
import { spawnSync } from 'node:child_process';

const STEPS: { name: string; command: string }[] = [
  { name: 'lint', command: 'npm run lint --silent' },
  { name: 'generated ABIs', command: 'npx tsx scripts/check-codegen.ts' },
  { name: 'types', command: 'npx tsc --noEmit && npx tsc --noEmit -p indexer' },
  { name: 'unit (vitest)', command: 'npx vitest run' },
  { name: 'contracts (forge)', command: 'cd contracts && ../node_modules/.bin/forge test' },
  { name: 'indexer on PGlite', command: 'npx vitest run --config indexer/vitest.config.ts' },
  {
    name: 'indexer on PostgreSQL',
    command: 'INDEXER_TEST_DATABASE=postgres npx vitest run --config indexer/vitest.config.ts',
  },
  { name: 'end-to-end (playwright)', command: 'npx tsx scripts/ensure-chromium.ts && npx playwright test' },
];

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of STEPS) {
  if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
  console.log(`\n━━ ${step.name} ━━ ${step.command}`);
  const started = Date.now();
  const { status } = spawnSync(step.command, { shell: true, stdio: 'inherit' });
  results.push({ name: step.name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(26)} ${r.seconds.toFixed(1)} s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
