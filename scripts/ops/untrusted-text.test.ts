import { describe, expect, it } from 'vitest';
import { parseFlags, textFlag } from './flags';
import { parseRevenueCsv } from './revenue-rows';
import { runOps } from './run-ops';
import { printable, quoted } from './untrusted-text';
import { z } from 'zod';

const ESC = '\u001b';
/** What a terminal would act on: escape sequences, carriage returns, C1 controls, bidi overrides. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('CSV cells in messages', () => {
  it('are quoted with their control and bidi characters escaped, so a cell cannot fake a line', () => {
    const fake = `${ESC}[2K\r  ✓ step 1 mined`;
    const { errors } = parseRevenueCsv(
      [
        'asset_id,amount_usdc,period_start,period_end',
        `1,"${fake}",2025-03-01,2025-03-08`,
        `1\u202e,5\u0085,2025-03-01\u2066,2025-03-08`,
      ].join('\n'),
    );
    expect(errors).toEqual([
      'row 1 (line 2): amount_usdc: "\\u001b[2K\\r  ✓ step 1 mined" is not a plain decimal number like 1250.50',
      'row 2 (line 3): asset_id: "1\\u202e" is not an asset id (a whole number from 1)',
      'row 2 (line 3): amount_usdc: "5\\u0085" is not a plain decimal number like 1250.50',
      'row 2 (line 3): period_start: "2025-03-01\\u2066" is neither unix seconds nor ISO-8601 with an offset like 2025-03-01T00:00:00Z',
    ]);
    for (const e of errors) expect(e).not.toMatch(RAW);
    expect(() => parseRevenueCsv(`asset_id,amount_usdc,period_start,period_end,${ESC}[1A\n1,2,3,4,5`)).toThrow(
      'unknown column "\\u001b[1a"',
    );
  });

  it('are cut when long', () => {
    expect(quoted('9'.repeat(200))).toBe(`"${'9'.repeat(80)}…"`);
  });
});

describe('text flags', () => {
  const flags = z.object({ name: textFlag });
  it('refuse control and bidirectional-formatting characters, naming the first', () => {
    expect(parseFlags(flags, { name: '  Ashburn GPU Cloud, VA ' })).toEqual({ name: 'Ashburn GPU Cloud, VA' });
    for (const [text, found] of [
      ['Cloud\u202etxt.exe', 'U+202E at character 6'],
      ['a\u2066b', 'U+2066 at character 2'],
      ['ok\u001b[31m', 'U+001B at character 3'],
      ['tab\there', 'U+0009 at character 4'],
      ['x\u007f', 'U+007F at character 2'],
    ] as const) {
      expect(() => parseFlags(flags, { name: text })).toThrow(
        `--name holds a control or bidirectional-formatting character (${found}): type the text plainly`,
      );
    }
  });
});

describe('what the command line prints', () => {
  it('escapes what came from the command line in its refusals', async () => {
    const err: string[] = [];
    const io = { env: {}, cwd: process.cwd(), log: () => {}, error: (l: string) => err.push(l) };
    await runOps([`${ESC}]0;pwned${ESC}\\`], io);
    await runOps(['register-project', `--na\u202eme`], io);
    expect(err[0]).toMatch(/^unknown command "\\u001b\]0;pwned\\u001b\\\\": one of /);
    expect(err[1]).toContain('\\u202e');
    for (const e of err) expect(e).not.toMatch(RAW);
    expect(printable('line 1\n  line 2\r')).toBe('line 1\n  line 2\\u000d');
  });
});
