import type { Account, Hex, TransactionReceipt, WriteContractParameters } from 'viem';

type Request = Omit<WriteContractParameters, 'account' | 'chain'>;
// Structural, so that any viem public and wallet client fits whatever chain type it was created with.
type Reader = {
  estimateContractGas(args: never): Promise<bigint>;
  waitForTransactionReceipt(args: { hash: Hex; pollingInterval?: number }): Promise<TransactionReceipt>;
};
type Writer = { account: Account; writeContract(args: never): Promise<Hex> };

/**
 * Sends a contract call with 25 % more gas than estimated, as the app does, and waits for a successful receipt
 * (a revert throws, naming the call). anvil estimates at the last block's time and mines at a later one; a pool
 * call settles streamed revenue, whose gas depends on that time, so an exact estimate can run out of gas and
 * revert without a word (seen in tests as a share transfer that never happened).
 */
export async function sendWithGasMargin(chain: Reader, wallet: Writer, request: Request) {
  const gas =
    request.gas ?? ((await chain.estimateContractGas({ ...request, account: wallet.account } as never)) * 125n) / 100n;
  const hash = await wallet.writeContract({ ...request, gas } as never);
  const receipt = await chain.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status !== 'success') throw new Error(`${request.functionName} (${hash}) reverted`);
  return receipt;
}
