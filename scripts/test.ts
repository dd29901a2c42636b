/**
 * `npm test`: every check, in the order that fails fastest, each one a package.json script so that it can also
 * be run alone. Each step runs even when an earlier one failed, so one run shows everything that is wrong; the
 * exit code is non-zero if any failed. `npm test -- unit` runs the steps whose name starts with `unit`.
 */
import { spawn } from 'node:child_process';

const STEPS: { name: string; script: string }[] = [
  { name: 'lint', script: 'lint' },
  { name: 'generated ABIs', script: 'codegen:check' },
  { name: 'types', script: 'typecheck' },
  { name: 'unit (vitest)', script: 'test:unit' },
  { name: 'contracts (forge)', script: 'contracts:test' },
  { name: 'indexer on PGlite', script: 'test:indexer' },
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
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_BUILD_CACHE: 'off' };
  // The types step checked this tree: the builds after it skip Next's own check of the same files (next.config.ts).
  if (results.find((r) => r.name === 'types')?.ok) env.NEXT_TYPECHECKED = '1';
  const e2e = results.find((r) => r.name === 'end-to-end (playwright)');
  if (script === 'test:rehearsal' && e2e?.ok) return { ...env, REHEARSAL_APP_BUILD: '.next-e2e' };
  return env;
}

/** How much of a failed step's output the summary repeats: CI keeps only the end of a long log. */
const TAIL_LINES = 120;

/** Runs a step with its output passed through as it comes, and keeps the last lines for the summary. */
function run(script: string): Promise<{ status: number | null; tail: string[] }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script, '--silent'], {
      stdio: ['inherit', 'pipe', 'pipe'],
      env: stepEnv(script),
    });
    let tail: string[] = [];
    let partial = '';
    const keep = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!;
      tail = tail.concat(lines).slice(-TAIL_LINES);
    };
    child.stdout.on('data', (c: Buffer) => (process.stdout.write(c), keep(c)));
    child.stderr.on('data', (c: Buffer) => (process.stderr.write(c), keep(c)));
    child.on('close', (status) => resolve({ status, tail: partial ? [...tail, partial].slice(-TAIL_LINES) : tail }));
  });
}

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number; tail: string[] }[] = [];

async function main() {
  for (const step of STEPS) {
    if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
    console.log(`\n━━ ${step.name} ━━ npm run ${step.script}`);
    const started = Date.now();
    const { status, tail } = await run(step.script);
    results.push({ name: step.name, ok: status === 0, seconds: (Date.now() - started) / 1000, tail });
  }

  // A failed step's last lines again, at the end, where a truncated CI log still shows them.
  for (const r of results.filter((r) => !r.ok)) {
    console.log(`\n━━ ${r.name} failed; its last ${r.tail.length} lines ━━`);
    console.log(r.tail.map((line) => line.replace(/\x1b\[[0-9;]*m/g, '')).join('\n'));
  }

  console.log('\n━━ summary ━━');
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(26)} ${r.seconds.toFixed(1)} s`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
