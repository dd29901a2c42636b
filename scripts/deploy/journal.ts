/**
 * The deploy's progress journal, deployments/<chainId>.deploy-journal.json beside the manifest: for each step the
 * signed transaction (written BEFORE it is broadcast, so a crash right after sending loses nothing) and, once mined,
 * what it deployed. A rerun reads it to skip finished steps and to wait for, or re-broadcast, a sent one; it also
 * holds what the deploy was started with (config, deployer, contract code), so a rerun with anything else is
 * refused instead of mixing two deployments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getAddress, isAddress, isHex, keccak256, type Address, type Hex } from 'viem';
import { z } from 'zod';
import type { DeployConfig } from '../../lib/deployments/deploy-config';
import { deploymentsDir } from '../../lib/deployments/manifest';
import { DeployError } from './deploy-error';

const hex = z.string().refine((value) => isHex(value), 'not hex') as unknown as z.ZodType<Hex>;
const address = z
  .string()
  .refine((value) => isAddress(value), 'not an address')
  .transform((value) => getAddress(value));

const stepRecordSchema = z.object({
  nonce: z.number().int().nonnegative(),
  hash: hex,
  /** The signed transaction itself: re-broadcast as is if the node forgot it, never signed anew. */
  raw: hex,
  /** Earlier signatures of this step at the same nonce, replaced because their fees fell behind. */
  replaced: z.array(hex).optional(),
  result: z
    .object({ address: address.optional(), block: z.number().int().nonnegative(), gasUsed: z.string() })
    .optional(),
});

const journalSchema = z.object({
  version: z.literal(1),
  chainId: z.number().int().positive(),
  deployer: address,
  /** The config as validated (addresses checksummed), compared field by field on a rerun. */
  config: z.record(z.string(), z.unknown()),
  /** keccak256 of each contract's creation code: a rebuild between runs would deploy other code. */
  codeHashes: z.record(z.string(), hex),
  steps: z.record(z.string(), stepRecordSchema),
  /** Transactions that reverted (and so changed nothing); their steps were sent again. */
  reverted: z
    .array(z.object({ step: z.string(), hash: hex, nonce: z.number().int().nonnegative().optional() }))
    .optional(),
  finished: z.object({ at: z.string(), manifest: z.string() }).optional(),
});

export type StepRecord = z.infer<typeof stepRecordSchema>;
export type Journal = z.infer<typeof journalSchema>;

/** Where the journal of a chain lives and how it is saved; the dry run keeps its copy in memory. */
export type JournalStore = {
  load(): Journal | undefined;
  save(journal: Journal): void;
  /** Moves a finished journal aside when --force deploys anew; returns where it went. */
  archive(): string | undefined;
  readonly file: string;
};

export function fileJournal(chainId: number, dir = deploymentsDir()): JournalStore {
  const file = path.join(dir, `${chainId}.deploy-journal.json`);
  return {
    file,
    load() {
      if (!fs.existsSync(file)) return undefined;
      const parsed = journalSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (!parsed.success) throw new DeployError(`${file} is not a deploy journal this command wrote; move it away`);
      return parsed.data;
    },
    save(journal) {
      // Write then rename, flushed: a crash leaves the old journal or the new one, never half of one.
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${file}.tmp-${process.pid}`;
      const fd = fs.openSync(tmp, 'w');
      fs.writeSync(fd, JSON.stringify(journal, null, 2) + '\n');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(tmp, file);
    },
    archive() {
      if (!fs.existsSync(file)) return undefined;
      const to = file.replace(/\.json$/, `.${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      fs.renameSync(file, to);
      return to;
    },
  };
}

/** The dry run's journal: starts from the real one (so it shows what is left) and never touches the file. */
export function memoryJournal(start: Journal | undefined, file: string): JournalStore {
  let current = start ? structuredClone(start) : undefined;
  return {
    file,
    load: () => (current ? structuredClone(current) : undefined),
    save: (journal) => void (current = structuredClone(journal)),
    archive: () => void (current = undefined),
  };
}

export function newJournal(
  chainId: number,
  deployer: Address,
  config: DeployConfig,
  codes: Record<string, Hex>,
): Journal {
  return {
    version: 1,
    chainId,
    deployer,
    config: JSON.parse(JSON.stringify(config)) as Record<string, unknown>,
    codeHashes: Object.fromEntries(Object.entries(codes).map(([name, code]) => [name, keccak256(code)])),
    steps: {},
  };
}

/** Dotted paths of every leaf where two JSON values differ. */
function differingFields(a: unknown, b: unknown, at = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) =>
      differingFields(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        at ? `${at}.${key}` : key,
      ),
    );
  }
  return a === b ? [] : [at || '(whole value)'];
}

/** The config as the chain sees it: `description` is free text for people, edited at will, never deployed. */
function deployedFields(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'description'));
}

/** What differs between the journal's deploy and this run's: empty when the run may resume it. */
export function journalMismatch(journal: Journal, expected: Journal): string[] {
  const problems: string[] = [];
  if (journal.chainId !== expected.chainId) problems.push(`chain ${journal.chainId}`);
  if (journal.deployer !== expected.deployer) problems.push(`deployer ${journal.deployer}`);
  const fields = differingFields(deployedFields(journal.config), deployedFields(expected.config));
  if (fields.length > 0) problems.push(`config fields ${fields.join(', ')}`);
  const code = differingFields(journal.codeHashes, expected.codeHashes);
  if (code.length > 0) problems.push(`contract code of ${code.join(', ')} (contracts/out was rebuilt)`);
  return problems;
}

/** The highest nonce the journal knows was used (mined, sent or reverted), if any. */
export function highestJournalNonce(journal: Journal): number | undefined {
  const nonces = [
    ...Object.values(journal.steps).map((record) => record.nonce),
    ...(journal.reverted ?? []).flatMap((entry) => (entry.nonce === undefined ? [] : [entry.nonce])),
  ];
  return nonces.length > 0 ? Math.max(...nonces) : undefined;
}

const readOrUndefined = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * One deploy per chain at a time: a second process would sign the same steps with other nonces. Take it before
 * the journal is read, so what is read is what this process goes on with.
 */
export function lockJournal(store: JournalStore): () => void {
  const lock = `${store.file}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = readOrUndefined(lock);
    if (held === undefined) continue;
    const pid = Number(held);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
      throw new DeployError(`another deploy (pid ${pid}) is running on this journal: wait for it, or stop it first`);
    }
    // Left by a deploy that died. Moved aside under a name of our own (of two processes doing this at once only
    // one moves it), then checked to be the dead one we read, not a lock another process has just taken.
    const aside = `${lock}.stale-${process.pid}`;
    try {
      fs.renameSync(lock, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readOrUndefined(aside);
    if (moved !== held) {
      try {
        fs.linkSync(aside, lock); // Put it back for its owner.
      } catch {
        // A third process has taken the lock meanwhile; it is that one's now.
      }
      fs.rmSync(aside, { force: true });
      throw new DeployError(`another deploy (pid ${moved}) is running on this journal: wait for it, or stop it first`);
    }
    fs.rmSync(aside, { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
