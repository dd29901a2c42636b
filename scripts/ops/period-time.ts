/**
 * Times of revenue and utilization periods, as operators write them: ISO-8601 with an explicit offset
 * ("2025-03-01T00:00:00Z", "2025-03-01T01:00:00+01:00"), a bare date meaning midnight UTC ("2025-03-01"), or unix
 * seconds ("1740787200"). A time without an offset is refused: its meaning would depend on the machine's zone.
 * So is a time before 2020: a spreadsheet's date serial (45717) or a yyyymmdd number (20250301) would otherwise
 * pass as unix seconds in 1970, a period the contracts accept and that overlaps nothing recorded.
 */
import { quoted } from './untrusted-text';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?)?$/;
const UNIX_SECONDS = /^\d+$/;
/** 2100-01-01: a larger "unix time" is almost surely milliseconds. */
const LATEST_SECONDS = 4_102_444_800n;
/** 2020-01-01T00:00:00Z: no machine financed here earned revenue before it. */
export const EARLIEST_SECONDS = 1_577_836_800n;

export function parsePeriodTime(text: string): { ok: true; value: bigint } | { ok: false; error: string } {
  if (UNIX_SECONDS.test(text)) {
    const seconds = BigInt(text);
    if (seconds >= LATEST_SECONDS)
      return { ok: false, error: `${quoted(text)} is after 2100: milliseconds, not seconds?` };
    if (seconds < EARLIEST_SECONDS) {
      return {
        ok: false,
        error: `${quoted(text)} as unix seconds is before 2020-01-01: a spreadsheet date serial or yyyymmdd? Write the time as 2025-03-01T00:00:00Z or unix seconds`,
      };
    }
    return { ok: true, value: seconds };
  }
  const m = ISO.exec(text);
  if (!m) {
    return {
      ok: false,
      error: `${quoted(text)} is neither unix seconds nor ISO-8601 with an offset like 2025-03-01T00:00:00Z`,
    };
  }
  const [, y, mo, d, h, mi, s, fraction, offset] = m;
  if (h !== undefined && offset === undefined)
    return { ok: false, error: `${quoted(text)} has no offset: add Z for UTC` };
  if (fraction !== undefined && /[1-9]/.test(fraction)) {
    return { ok: false, error: `${quoted(text)} has a fraction of a second: the chain counts whole seconds` };
  }
  const parts = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = parts;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March: a calendar date that does not exist is a typo, not a time.
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, error: `${quoted(text)} is not a valid date and time` };
  }
  let seconds = BigInt(ms / 1000);
  if (offset && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1n : 1n;
    const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
    if (oh > 23 || om > 59) return { ok: false, error: `${quoted(text)} has an invalid offset` };
    seconds -= sign * BigInt(oh * 3600 + om * 60);
  }
  if (seconds < EARLIEST_SECONDS) return { ok: false, error: `${quoted(text)} is before 2020-01-01` };
  return { ok: true, value: seconds };
}

/** "2025-03-01T00:00:00Z (1740787200)": both forms, so a message matches whichever the operator wrote. */
export function formatPeriodTime(seconds: bigint): string {
  const iso = new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z');
  return `${iso} (${seconds})`;
}
