/**
 * The pages bench:bundle measures: issue 12's routes, with the seeded chain's richest examples (the largest
 * active pool, its busiest machine group, its operator, and the investor with the most positions), so that
 * every chart, table and panel of a page renders.
 */
import { getAddress } from 'viem';
import { ACCOUNTS } from '../../scripts/seed/world';
import type { Page } from './first-load';
import type { RouteKey } from './options';

export type RoutePage = Page & { key: RouteKey | 'bare' };

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/**
 * The seed's investors, in account order (anvil's accounts, as the seed uses them), checksummed as the app's
 * links write them: the portfolio page redirects any other spelling, and Lighthouse would measure the redirect.
 */
async function investorAddresses(rpcUrl: string): Promise<string[]> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_accounts', params: [] }),
  });
  const { result } = (await res.json()) as { result?: string[] };
  if (!result) throw new Error('anvil did not list its accounts');
  return ACCOUNTS.investors.flatMap((i) => (result[i] ? [getAddress(result[i])] : []));
}

export async function pickRoutes(opts: {
  keys: RouteKey[];
  appUrl: string;
  bareUrl: string;
  indexerUrl: string;
  rpcUrl: string;
}): Promise<{ bare: RoutePage; ours: RoutePage[] }> {
  const { appUrl, indexerUrl } = opts;
  const api = (p: string) => getJson<Record<string, unknown>>(`${indexerUrl}${p}`);

  const { pools } = (await api('/api/pools?status=active&sort=tvl&order=desc&limit=1')) as {
    pools: { address: string }[];
  };
  const pool = pools[0]?.address;
  if (!pool) throw new Error('the seeded chain has no active pool');
  const { project } = (await api(`/api/pools/${pool}`)) as { project: { id: string | number } | null };
  if (!project) throw new Error(`pool ${pool} has no project`);
  const { assets } = (await api(`/api/pools/${pool}/assets`)) as {
    assets: { id: string | number; revenueNet30d: string | number }[];
  };
  const asset = [...assets].sort((a, b) => Number(BigInt(b.revenueNet30d) - BigInt(a.revenueNet30d)))[0];
  if (!asset) throw new Error(`pool ${pool} has no machine group`);

  let investor: { address: string; positions: number } | undefined;
  for (const address of await investorAddresses(opts.rpcUrl)) {
    const { positions } = (await api(`/api/accounts/${address}/positions`)) as { positions: unknown[] };
    if (!investor || positions.length > investor.positions) investor = { address, positions: positions.length };
  }
  if (!investor || investor.positions === 0) throw new Error('no seeded investor holds a position');

  const all: Record<RouteKey, RoutePage> = {
    home: { key: 'home', label: '/', url: `${appUrl}/` },
    pools: { key: 'pools', label: '/pools', url: `${appUrl}/pools` },
    pool: { key: 'pool', label: `/pools/${short(pool)}`, url: `${appUrl}/pools/${pool}` },
    asset: { key: 'asset', label: `/assets/${asset.id}`, url: `${appUrl}/assets/${asset.id}` },
    project: { key: 'project', label: `/projects/${project.id}`, url: `${appUrl}/projects/${project.id}` },
    portfolio: {
      key: 'portfolio',
      label: `/portfolio/${short(investor.address)}`,
      url: `${appUrl}/portfolio/${investor.address}`,
    },
  };
  return {
    bare: { key: 'bare', label: 'bare (connect button)', url: `${opts.bareUrl}/` },
    ours: opts.keys.map((k) => all[k]),
  };
}
