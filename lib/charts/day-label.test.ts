import { describe, expect, it } from 'vitest';
import { dayLabel } from './day-label';

// Day 20605 after 1970-01-01 is Monday 2026-06-01 (UTC).
const JUNE_1_2026 = 20_605;

describe('dayLabel', () => {
  it('labels a day bucket in the given locale, in UTC', () => {
    expect(new Date(JUNE_1_2026 * 86_400_000).toISOString().slice(0, 10)).toBe('2026-06-01');
    expect(dayLabel(JUNE_1_2026, 'day', 'full', 'en-US')).toBe('Jun 1, 2026');
    expect(dayLabel(JUNE_1_2026, 'day', 'axis', 'en-US')).toBe('Jun 1');
    expect(dayLabel(JUNE_1_2026, 'day', 'full', 'de-DE')).toBe('01.06.2026');
  });

  it('says which week a week bucket is', () => {
    expect(dayLabel(JUNE_1_2026, 'week', 'full', 'en-US')).toBe('Week of Jun 1, 2026');
    expect(dayLabel(JUNE_1_2026, 'week', 'axis', 'en-US')).toBe('Jun 1');
  });

  it('names the month of a month bucket', () => {
    expect(dayLabel(JUNE_1_2026, 'month', 'full', 'en-US')).toBe('June 2026');
    expect(dayLabel(JUNE_1_2026, 'month', 'axis', 'en-US')).toBe('Jun 2026');
  });

  it('does not move a bucket to the previous day west of UTC', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(dayLabel(JUNE_1_2026, 'day', 'full', 'en-US')).toBe('Jun 1, 2026');
    } finally {
      process.env.TZ = zone;
    }
  });
});
