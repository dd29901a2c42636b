/**
 * The period a statement covers, from its URL: `?period=2026-11` (a month), `?period=2026-Q3` (a quarter),
 * `?period=2026` (a year), or `?from=2026-03-01&to=2026-04-15` (any two days, both included). Days are UTC,
 * as on chain. With none of them, the last whole month before the indexed block.
 */
export type StatementPeriod = {
  /** First and last day, both included, as YYYY-MM-DD. */
  from: string;
  to: string;
  label: string;
  /** The query string that names this period (without `?`). */
  query: string;
};

export type ParsedPeriod = { ok: true; period: StatementPeriod } | { ok: false; error: string };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
/** A day of the calendar as YYYY-MM-DD (not 2026-02-30), from 1970 on. */
const isDay = (raw: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(raw) && Number.isFinite(Date.parse(`${raw}T00:00:00Z`)) && day(...parts(raw)) === raw;
const parts = (raw: string): [number, number, number] => {
  const [y, m, d] = raw.split('-').map(Number) as [number, number, number];
  return [y, m - 1, d];
};

export function monthPeriod(year: number, month: number): StatementPeriod {
  const label = `${MONTHS[month]} ${year}`;
  return { from: day(year, month, 1), to: day(year, month + 1, 0), label, query: `period=${year}-${pad(month + 1)}` };
}

export function quarterPeriod(year: number, quarter: number): StatementPeriod {
  const first = (quarter - 1) * 3;
  return {
    from: day(year, first, 1),
    to: day(year, first + 3, 0),
    label: `Q${quarter} ${year}`,
    query: `period=${year}-Q${quarter}`,
  };
}

export function yearPeriod(year: number): StatementPeriod {
  return { from: day(year, 0, 1), to: day(year, 11, 31), label: String(year), query: `period=${year}` };
}

export function customPeriod(from: string, to: string): StatementPeriod {
  return { from, to, label: `${readable(from)} – ${readable(to)}`, query: `from=${from}&to=${to}` };
}

const pad = (n: number) => String(n).padStart(2, '0');
const readable = (raw: string) => {
  const [y, m, d] = parts(raw);
  return `${d} ${MONTHS[m]!.slice(0, 3)} ${y}`;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** The period a URL names; `now` (unix seconds, the indexed block's time) picks the default. */
export function parseStatementPeriod(params: Record<string, string | string[] | undefined>, now: bigint): ParsedPeriod {
  const period = one(params.period);
  const from = one(params.from);
  const to = one(params.to);
  if (period !== undefined) {
    const month = /^(\d{4})-(\d{2})$/.exec(period);
    if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12 && Number(month[1]) >= 1970)
      return { ok: true, period: monthPeriod(Number(month[1]), Number(month[2]) - 1) };
    const quarter = /^(\d{4})-Q([1-4])$/i.exec(period);
    if (quarter && Number(quarter[1]) >= 1970)
      return { ok: true, period: quarterPeriod(Number(quarter[1]), Number(quarter[2])) };
    if (/^\d{4}$/.test(period) && Number(period) >= 1970) return { ok: true, period: yearPeriod(Number(period)) };
    return {
      ok: false,
      error: `“${period.slice(0, 40)}” is not a period: give a month (2026-11), a quarter (2026-Q3) or a year (2026).`,
    };
  }
  if (from !== undefined || to !== undefined) {
    if (from === undefined || to === undefined) return { ok: false, error: 'Give both the first and the last day.' };
    for (const [name, value] of [
      ['first', from],
      ['last', to],
    ] as const) {
      if (!isDay(value))
        return {
          ok: false,
          error: `The ${name} day “${value.slice(0, 40)}” is not a date of the calendar (YYYY-MM-DD).`,
        };
    }
    if (to < from) return { ok: false, error: 'The last day is before the first.' };
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= 3_660)
      return { ok: false, error: 'A statement covers at most ten years.' };
    return { ok: true, period: customPeriod(from, to) };
  }
  return { ok: true, period: lastMonth(now) };
}

/** The periods offered as one-click choices, the latest first, as of `now` (unix seconds). */
export function presetPeriods(now: bigint): StatementPeriod[] {
  const at = new Date(Number(now) * 1000);
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const q = Math.floor(m / 3) + 1;
  const lastQuarter = q === 1 ? quarterPeriod(y - 1, 4) : quarterPeriod(y, q - 1);
  return [monthPeriod(y, m), lastMonth(now), quarterPeriod(y, q), lastQuarter, yearPeriod(y), yearPeriod(y - 1)];
}

/** The last whole month before `now`: a statement's default. */
function lastMonth(now: bigint): StatementPeriod {
  const at = new Date(Number(now) * 1000);
  const m = at.getUTCMonth();
  return m === 0 ? monthPeriod(at.getUTCFullYear() - 1, 11) : monthPeriod(at.getUTCFullYear(), m - 1);
}
