/** The command line of bench:bundle: which routes, how many runs, and whether the budgets fail the run. */
import { parseArgs } from 'node:util';

/** The routes of issue 12, measured beside the bare page (always measured: the budgets compare with it). */
export const ROUTE_KEYS = ['home', 'pools', 'pool', 'asset', 'project', 'portfolio'] as const;
export type RouteKey = (typeof ROUTE_KEYS)[number];

export type BundleOptions = {
  /** Page loads per route for first-load JS, and Lighthouse runs per route and preset; medians are printed. */
  runs: number;
  /**
   * Presses on Connect of each kind (after hover, first tap), each in a fresh context; the median is the figure.
   * More than `runs`: one press varies by tens of milliseconds with what else the machine's two cores are doing.
   */
  presses: number;
  routes: RouteKey[];
  skipLighthouse: boolean;
  /** Print the budget table but do not fail the run on it. */
  noBudgets: boolean;
  keep: boolean;
};

export const USAGE = `usage: npm run bench:bundle -- [--runs N] [--presses N] [--routes ${ROUTE_KEYS.join(',')}] [--skip-lighthouse] [--no-budgets] [--keep]`;

/** A route is named by its key; `/` and `/pools` are accepted too. `bare` is always measured, so it is ignored. */
const ALIASES: Record<string, RouteKey> = { '/': 'home', '/pools': 'pools' };

export function parseBundleOptions(argv: string[] = process.argv.slice(2)): BundleOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      presses: { type: 'string', default: '7' },
      routes: { type: 'string' },
      'skip-lighthouse': { type: 'boolean', default: false },
      'no-budgets': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 15) throw new Error(`--runs ${values.runs}: 1 to 15\n${USAGE}`);
  const presses = Number(values.presses);
  if (!Number.isInteger(presses) || presses < 1 || presses > 31)
    throw new Error(`--presses ${values.presses}: 1 to 31\n${USAGE}`);
  let routes: RouteKey[] = [...ROUTE_KEYS];
  if (values.routes !== undefined) {
    const asked = values.routes
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== '' && r !== 'bare');
    const unknown = asked.filter((r) => !(ROUTE_KEYS as readonly string[]).includes(r) && !(r in ALIASES));
    if (unknown.length > 0) throw new Error(`--routes: unknown ${unknown.join(', ')}\n${USAGE}`);
    const keys = new Set(asked.map((r) => ALIASES[r] ?? (r as RouteKey)));
    routes = ROUTE_KEYS.filter((k) => keys.has(k));
  }
  return {
    runs,
    presses,
    routes,
    skipLighthouse: values['skip-lighthouse'],
    noBudgets: values['no-budgets'],
    keep: values.keep,
  };
}
