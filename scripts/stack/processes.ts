import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { PortError } from './ports';

export type Service = { name: string; child: ChildProcess };

const running = new Set<Service>();

/**
 * Starts a long-running service in its own process group, so that stopping it also stops what it spawned
 * (next dev forks next-server; npx would orphan its child). Output is prefixed with the service name.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { quiet?: boolean } = {},
): Service {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const service = { name, child };
  running.add(service);
  const prefix = `[${name}] `;
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    if (options.quiet) return;
    const text = chunk.toString();
    stream.write(
      text
        .split('\n')
        .filter((line, i, lines) => line.length > 0 || i < lines.length - 1)
        .map((line) => prefix + line)
        .join('\n') + '\n',
    );
  };
  child.stdout?.on('data', forward(process.stdout));
  child.stderr?.on('data', forward(process.stderr));
  child.on('exit', () => running.delete(service));
  return service;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

let stopping = false;
/** True once stopAll has begun: services that exit from then on were asked to. */
export function isStopping(): boolean {
  return stopping;
}

/** Stops every service started here: SIGTERM to each process group, SIGKILL to what is left after a grace period. */
export async function stopAll(graceMs = 5000): Promise<void> {
  stopping = true;
  const services = [...running].reverse();
  await Promise.all(
    services.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            signalGroup(child, 'SIGKILL');
            resolve();
          }, graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            // Reap anything the service left in its group (next-server, esbuild workers).
            signalGroup(child, 'SIGKILL');
            resolve();
          });
          signalGroup(child, 'SIGTERM');
        }),
    ),
  );
}

/** Runs a command to completion, inheriting the terminal; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Thrown from a waitFor check to stop waiting at once (the process being waited for has died). */
export class GiveUp extends Error {}

/** Polls until check() resolves true, or throws after timeoutMs. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * Runs a stack's `main` with its lifecycle: Ctrl-C, SIGTERM (Playwright's webServer) and SIGHUP stop every service
 * and then `cleanup` (what is not a process, a PostgreSQL cluster say); a failure is one line, then the same stop.
 */
export function runStack(name: string, main: () => Promise<void>, cleanup: () => void = () => {}) {
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await stopAll();
    cleanup();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  main().catch(async (err) => {
    // A port in use says which variable moves it: its message is the whole story.
    if (err instanceof PortError) console.error(err.message);
    else console.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    await shutdown(1);
  });
}
