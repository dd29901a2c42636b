import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bigintString, knownKinds } from './wire';

describe('knownKinds', () => {
  const feed = knownKinds(
    ['deposit', 'recovery'],
    z.object({ kind: z.enum(['deposit', 'recovery']), amount: bigintString }),
  );

  it('leaves out rows of a kind the app does not know, and keeps the rest in order', () => {
    const rows = feed.parse([
      { kind: 'deposit', amount: '1' },
      { kind: 'something_new', whatever: true },
      { kind: 'recovery', amount: '2' },
    ]);
    expect(rows).toEqual([
      { kind: 'deposit', amount: 1n },
      { kind: 'recovery', amount: 2n },
    ]);
  });

  it('still refuses a known kind with a broken shape', () => {
    expect(feed.safeParse([{ kind: 'deposit', amount: 'x' }]).success).toBe(false);
  });
});
