/**
 * The deploy's connection to a chain: the RPC must answer with the config's chain id before anything else
 * happens, and transactions are signed locally by the deployer's account (never by the node; on the dry run's fork
 * the deployer is impersonated and nothing is signed at all).
 */
import { createPublicClient, createWalletClient, http, type Account, type Address } from 'viem';
import { appChain } from '../../lib/chain/app-chain';
import { DeployError } from './deploy-error';
import type { DeployChain } from './step-runner';

export type Connection = DeployChain & { chainId: number; rpcUrl: string; isAnvil: boolean };

/** An RPC URL as it may be printed: its origin only, since providers put the API key in the path or query. */
export function rpcOrigin(rpcUrl: string): string {
  try {
    const url = new URL(rpcUrl);
    return url.pathname.length > 1 || url.search || url.username ? `${url.origin}/…` : url.origin;
  } catch {
    return '(the RPC URL given)';
  }
}

export async function connect(
  rpcUrl: string,
  account: Account | Address,
  expectedChainId: number,
): Promise<Connection> {
  const probe = createPublicClient({ transport: http(rpcUrl, { retryCount: 1, timeout: 15_000 }) });
  let chainId: number;
  try {
    chainId = await probe.getChainId();
  } catch (error) {
    // viem's message names the URL after its first line; only the first line is kept.
    throw new DeployError(
      `--rpc-url: ${rpcOrigin(rpcUrl)} does not answer eth_chainId (${(error as Error).message.split('\n')[0]})`,
    );
  }
  if (chainId !== expectedChainId) {
    throw new DeployError(
      `chainId: the config says ${expectedChainId}, but the RPC at ${rpcOrigin(rpcUrl)} is chain ${chainId}`,
    );
  }
  const chain = appChain({ id: chainId, rpcUrl });
  const transport = http(rpcUrl, { retryCount: 3, timeout: 30_000 });
  const client = createPublicClient({ chain, transport });
  const version = await client.request({ method: 'web3_clientVersion' }).catch(() => '');
  const isAnvil = /anvil/i.test(String(version));
  return {
    chainId,
    rpcUrl,
    isAnvil,
    client,
    wallet: createWalletClient({ chain, transport, account }),
    // anvil mines each transaction as it arrives; a public chain makes a block every few seconds.
    pollingInterval: isAnvil ? 20 : 2_000,
    receiptTimeoutMs: isAnvil ? 30_000 : 10 * 60_000,
  };
}
