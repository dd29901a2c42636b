/** The journal's lock: a live holder refuses, a dead one's lock is taken over and nothing of it is left behind. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileJournal, lockJournal } from './journal';

const store = () => fileJournal(84532, fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-lock-')));

describe('lockJournal', () => {
  it('refuses while another live process holds it', () => {
    const journal = store();
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(`${journal.file}.lock`, String(other.pid));
      expect(() => lockJournal(journal)).toThrow(`another deploy (pid ${other.pid}) is running`);
    } finally {
      process.kill(other.pid!, 'SIGTERM');
    }
  });

  it('takes over the lock of a deploy that died, and releases it', () => {
    const journal = store();
    const dead = spawnSync('true').pid;
    fs.writeFileSync(`${journal.file}.lock`, String(dead));
    const unlock = lockJournal(journal);
    expect(fs.readFileSync(`${journal.file}.lock`, 'utf8')).toBe(String(process.pid));
    unlock();
    expect(fs.readdirSync(path.dirname(journal.file))).toEqual([]);
  });
});
