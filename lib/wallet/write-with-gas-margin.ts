import type { Config } from 'wagmi';
import { getPublicClient, writeContract, type WriteContractParameters } from 'wagmi/actions';
import { withGasMargin } from './gas-margin';

/**
 * Sends a simulated contract call (wagmi's `simulateContract(...).request`, typed against its ABI where it
 * was simulated) with the one gas margin (gas-margin.ts).
 */
export async function writeWithGasMargin(config: Config, request: WriteContractParameters) {
  const client = getPublicClient(config);
  if (!client) throw new Error('No connection to the network is configured.');
  const estimate = await client.estimateContractGas({ ...request, account: request.account ?? undefined });
  return writeContract(config, { ...request, gas: withGasMargin(estimate) });
}
