/**
 * `npm test`: every check, in the order that fails fastest, each one a package.json script so that it can also
 * be run alone. Each step runs even when an earlier one failed, so one run shows everything that is wrong; the
 * exit code is non-zero if any failed. `npm test -- unit` runs the steps whose name starts with `unit`.
 */
import { spawn, spawnSync } from 'node:child_process';

/**
 * `alongside`: the step runs in the background from where it stands, beside the steps after it, until the
 * next step that needs the machine to itself (`alone`); its output is shown whole when it ends. The contract
 * tests compile with solc-js on one core while types and unit tests run: a minute less of CI. It must come
 * after the generated-ABIs check, whose `forge build` writes the same artifacts.
 */
type Step = { name: string; script: string; alongside?: true; alone?: true };

const STEPS: Step[] = [
  { name: 'lint', script: 'lint' },
  { name: 'generated ABIs', script: 'codegen:check' },
  { name: 'contracts (forge)', script: 'contracts:test', alongside: true },
  { name: 'types', script: 'typecheck' },
  { name: 'unit (vitest)', script: 'test:unit' },
  { name: 'indexer on PGlite', script: 'test:indexer', alone: true },
  { name: 'indexer on PostgreSQL', script: 'test:indexer:postgres' },
  { name: 'end-to-end (playwright)', script: 'test:e2e' },
  { name: 'rehearsal (two chains)', script: 'test:rehearsal' },
];

/**
 * The rehearsal starts the production build the end-to-end step has just made from this tree (.next-e2e), when
 * that step passed: it saves a build, and shows that one build serves another chain, indexer and RPC. The build
 * writes no Turbopack cache (next.config.ts): in a fresh clone, as in CI, nothing would read it.
 */
function stepEnv(script: string): NodeJS.ProcessEnv {
  const env = { ...process.env, NEXT_BUILD_CACHE: 'off' };
  const e2e = results.find((r) => r.name === 'end-to-end (playwright)');
  if (script === 'test:rehearsal' && e2e?.ok) return { ...env, REHEARSAL_APP_BUILD: '.next-e2e' };
  return env;
}

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number }[] = [];
const background: Promise<void>[] = [];

function inBackground(step: Step) {
  const started = Date.now();
  const output: Buffer[] = [];
  const child = spawn('npm', ['run', step.script, '--silent'], { env: stepEnv(step.script) });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  console.log(`\n━━ ${step.name} ━━ npm run ${step.script} (alongside the next steps; its output when it ends)`);
  background.push(
    new Promise((resolve) =>
      child.on('close', (status) => {
        console.log(`\n━━ ${step.name} (ended) ━━`);
        process.stdout.write(Buffer.concat(output));
        results.push({ name: step.name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
        resolve();
      }),
    ),
  );
}

async function main() {
  for (const step of STEPS) {
    if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
    if (step.alone) await Promise.all(background.splice(0));
    if (step.alongside) {
      inBackground(step);
      continue;
    }
    console.log(`\n━━ ${step.name} ━━ npm run ${step.script}`);
    const started = Date.now();
    const { status } = spawnSync('npm', ['run', step.script, '--silent'], {
      stdio: 'inherit',
      env: stepEnv(step.script),
    });
    results.push({ name: step.name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
  }
  await Promise.all(background.splice(0));
}

void main().then(() => {
  // In the steps' order, whichever ended first.
  const order = (name: string) => STEPS.findIndex((step) => step.name === name);
  results.sort((a, b) => order(a.name) - order(b.name));
  console.log('\n━━ summary ━━');
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(26)} ${r.seconds.toFixed(1)} s`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
});
