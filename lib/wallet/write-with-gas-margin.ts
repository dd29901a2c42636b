import type { EstimateContractGasParameters } from 'viem';
import type { Config } from 'wagmi';
import { getPublicClient, writeContract } from 'wagmi/actions';

/**
 * Sends a simulated contract call with 25 % more gas than estimated. The estimate is made against the
 * pending block; by the time the transaction is mined more revenue may have streamed or a storage slot
 * turned from zero, and a transaction that runs out of gas reverts and still costs the user its fee.
 */
// The request is typed loosely: each hook's simulate result is a precise union the wrapper need not know.
export async function writeWithGasMargin(config: Config, request: object) {
  const client = getPublicClient(config);
  if (!client) throw new Error('No connection to the network is configured.');
  const estimate = await client.estimateContractGas(request as EstimateContractGasParameters);
  return writeContract(config, { ...request, gas: (estimate * 125n) / 100n } as never);
}
