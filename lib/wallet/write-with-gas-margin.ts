import type { Config } from 'wagmi';
import { getPublicClient, writeContract, type WriteContractParameters } from 'wagmi/actions';

/**
 * 25 % more gas than estimated. The estimate is made against the pending block; by the time the transaction
 * is mined more revenue may have streamed or a storage slot turned from zero, and a transaction that runs
 * out of gas reverts and still costs the user its fee.
 */
export function withGasMargin(estimate: bigint): bigint {
  return (estimate * 125n) / 100n;
}

/**
 * Sends a simulated contract call (wagmi's `simulateContract(...).request`, typed against its ABI where it
 * was simulated) with the gas margin above.
 */
export async function writeWithGasMargin(config: Config, request: WriteContractParameters) {
  const client = getPublicClient(config);
  if (!client) throw new Error('No connection to the network is configured.');
  const estimate = await client.estimateContractGas({ ...request, account: request.account ?? undefined });
  return writeContract(config, { ...request, gas: withGasMargin(estimate) });
}
