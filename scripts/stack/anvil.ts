import { createRequire } from 'node:module';
import path from 'node:path';
import { assertPortFree } from './ports';
import { startService, waitFor, type Service } from './processes';
import { SEED_ACCOUNT_COUNT } from '../seed/world';

const require = createRequire(import.meta.url);

/** The anvil binary shipped by npm's @foundry-rs/anvil for this platform; run directly so stopping it stops anvil. */
export function anvilBinary(): string {
  const pkg = `@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'bin', 'anvil');
}

export async function rpcReady(url: string): Promise<boolean> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
  });
  return res.ok;
}

/**
 * Starts anvil. `genesisTimestamp` puts the chain's clock in the past, so that the seed can build history
 * that ends today.
 */
export async function startAnvil(
  port: number,
  opts: { quiet?: boolean; genesisTimestamp?: number; extraArgs?: string[]; chainId?: number } = {},
): Promise<Service & { rpcUrl: string }> {
  const rpcUrl = `http://127.0.0.1:${port}`;
  // Never mistake another anvil on this port for ours: a test run would seed someone else's chain.
  await assertPortFree(port, 'anvil', 'the port variable of this run');
  // 24 dev accounts: the seed gives every protocol role and each operator an account of its own.
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--chain-id',
    // Another id (Base Sepolia's 84532, say) rehearses a real network's deployment on a local chain.
    String(opts.chainId ?? 31337),
    '--accounts',
    String(SEED_ACCOUNT_COUNT),
    '--silent',
  ];
  if (opts.genesisTimestamp !== undefined) args.push('--timestamp', String(opts.genesisTimestamp));
  if (opts.extraArgs) args.push(...opts.extraArgs);
  const service = startService('anvil', anvilBinary(), args, { quiet: opts.quiet });
  await waitFor('anvil', () => rpcReady(rpcUrl), 20_000, 100);
  return { ...service, rpcUrl };
}
