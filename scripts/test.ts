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

/**
 * Runs a step with its output passed through as it comes, and keeps its last lines for the summary. Done when
 * the step exits: a process it left behind that still holds the output pipe must not hold up `npm test` (its
 * last output is waited for a moment, no longer).
 */
function run(script: string): Promise<{ status: number | null; tail: string[] }> {
  return new Promise((resolve) => {
    // Piped, the steps see no terminal: keep their colours when this run has one.
    const env = { ...stepEnv(script), ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
    const child = spawn('npm', ['run', script, '--silent'], { stdio: ['inherit', 'pipe', 'pipe'], env });
    let tail: string[] = [];
    const keeper = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let partial = '';
      stream.setEncoding('utf8'); // a character split across two chunks stays whole
      stream.on('data', (chunk: string) => {
        out.write(chunk);
        const lines = (partial + chunk).split('\n');
        partial = lines.pop()!;
        tail = tail.concat(lines).slice(-TAIL_LINES);
      });
      return () => (partial ? [partial] : []);
    };
    const stdoutRest = keeper(child.stdout, process.stdout);
    const stderrRest = keeper(child.stderr, process.stderr);
    let settled = false;
    const finish = (status: number | null) => {
      if (settled) return;
      settled = true;
      resolve({ status, tail: [...tail, ...stdoutRest(), ...stderrRest()].slice(-TAIL_LINES) });
    };
    child.on('error', (error) => {
      console.error(`could not run npm run ${script}: ${error.message}`);
      finish(null);
    });
    child.on('close', (status) => finish(status));
    child.on('exit', (status) => setTimeout(() => finish(status), 2_000).unref());
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
    console.log(r.tail.map((line) => line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')).join('\n'));
  }

  console.log('\n━━ summary ━━');
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(26)} ${r.seconds.toFixed(1)} s`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
