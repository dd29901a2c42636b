/**
 * A throwaway PostgreSQL cluster on a private port, for the tests that need a real database. Uses Debian's
 * PostgreSQL; where it is missing and we are root on Debian, installs it first (saying so).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Postgres = {
  url: string;
  /** A fresh database on the same cluster; its connection string. */
  createDatabase: (name: string) => string;
  stop: () => void;
};

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')));
}

export function ensurePostgresInstalled(): string {
  let bin = binDir();
  if (!bin && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log(
      "PostgreSQL not found: installing Debian's postgresql package (apt-get update; apt-get install -y postgresql).",
    );
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    bin = binDir();
  }
  if (!bin)
    throw new Error(
      "PostgreSQL is not installed: install Debian's postgresql package (its initdb and pg_ctl are needed).",
    );
  return bin;
}

/** initdb + pg_ctl start on `port`, trust auth on 127.0.0.1 only; as the postgres user when we are root. */
export function startPostgres(port: number): Postgres {
  const bin = ensurePostgresInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'my-postgres-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
  try {
    run('pg_ctl', [
      '-D',
      path.join(dir, 'data'),
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
  } catch (error) {
    // pg_ctl only says "could not start server": the reason is in the server's log.
    const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8') : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `${(error as Error).message.trim()}\nPostgreSQL log (port ${port}):\n${log.trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    url: url('postgres'),
    createDatabase: (name) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', `create database ${name}`]);
      return url(name);
    },
    // Idempotent: a run's cleanup and its Ctrl-C handler may both call it.
    stop: () => {
      if (!fs.existsSync(dir)) return;
      try {
        run('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
