/**
 * The one way scripts, benches and tests send a contract call or deploy a contract: typed by the generated
 * ABIs (a wrong function name or argument is a type error), mined, and checked for success.
 */
import type {
  Abi,
  Account,
  Address,
  Chain,
  ContractConstructorArgs,
  ContractFunctionArgs,
  ContractFunctionName,
  Hex,
  PublicClient,
  Transport,
  WalletClient,
  WriteContractParameters,
} from 'viem';
import { TransactionReceiptNotFoundError, WaitForTransactionReceiptTimeoutError } from 'viem';
import { withGasMargin } from '../../lib/wallet/gas-margin';

type Writable<abi extends Abi> = ContractFunctionName<abi, 'nonpayable' | 'payable'>;

export type ContractCall<abi extends Abi, functionName extends Writable<abi>> = {
  address: Address;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>;
  /** A fixed gas limit instead of the estimate with its margin. */
  gas?: bigint;
};

type Reader = Pick<
  PublicClient<Transport, Chain>,
  'estimateContractGas' | 'waitForTransactionReceipt' | 'getTransactionReceipt'
> & {
  transport?: Record<string, unknown>;
};

function isLocalNode(chain: Reader): boolean {
  const url = chain.transport?.url;
  return typeof url === 'string' && /^https?:\/\/(127\.0\.0\.1|localhost)([:/]|$)/.test(url);
}

/**
 * The receipt from a local anvil, asked for every 10 ms until it comes. anvil mines each transaction as it
 * arrives, but just after the hash is returned: viem's wait looks once, then only when the block number moves,
 * and when the receipt was not yet there at the block it saw (seen under load, in the seed) no block follows —
 * the seed sends one transaction at a time — and it waited its full 180 s for nothing.
 */
async function localReceipt(chain: Reader, hash: Hex, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const receipt = await chain.getTransactionReceipt({ hash }).catch((error: unknown) => {
      // Not mined yet: ask again. Anything else (the node gone, say) is not waited out.
      if (error instanceof TransactionReceiptNotFoundError) return undefined;
      throw error;
    });
    if (receipt) return receipt;
    if (Date.now() > deadline) throw new WaitForTransactionReceiptTimeoutError({ hash });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
type Writer = WalletClient<Transport, Chain, Account>;

export type SendOptions = {
  /** How long to wait for the receipt; viem's default (180 s) when not given. */
  receiptTimeoutMs?: number;
};

/**
 * The transaction was broadcast, but no receipt came within the wait (or polling for it failed): it may still be
 * mined. Whoever sent it must not send it again; `hash` is what to look up.
 */
export class TransactionNotConfirmedError extends Error {
  constructor(
    readonly hash: Hex,
    readonly what: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    super(`${what} (${hash}) was sent but not seen mined: ${reason}`, { cause });
  }
}

/** The transaction was mined and reverted: nothing it did took effect. */
export class TransactionRevertedError extends Error {
  constructor(
    readonly hash: Hex,
    readonly what: string,
    readonly block: bigint,
  ) {
    super(`${what} (${hash}) reverted`);
  }
}

async function mined(chain: Reader, hash: Hex, what: string, options: SendOptions = {}) {
  let receipt;
  try {
    // A real network's RPC gets viem's wait, polling once a second, not hundreds that run into its rate limit.
    receipt = isLocalNode(chain)
      ? await localReceipt(chain, hash, options.receiptTimeoutMs ?? 180_000)
      : await chain.waitForTransactionReceipt({
          hash,
          pollingInterval: 1_000,
          ...(options.receiptTimeoutMs !== undefined ? { timeout: options.receiptTimeoutMs } : {}),
        });
  } catch (error) {
    throw new TransactionNotConfirmedError(hash, what, error);
  }
  if (receipt.status !== 'success') throw new TransactionRevertedError(hash, what, receipt.blockNumber);
  return receipt;
}

/**
 * Sends a contract call from the wallet's account with a gas margin (or the call's fixed `gas`) and waits for a
 * successful receipt (a revert throws, naming the call). anvil estimates at the last block's time and mines at a
 * later one; a pool call settles streamed revenue, whose gas depends on that time, so an exact estimate can run
 * out of gas and revert without a word (seen in tests as a share transfer that never happened). Once the
 * transaction is sent, a missing receipt is a TransactionNotConfirmedError (it may still be mined), a revert a
 * TransactionRevertedError.
 */
export async function sendWithGasMargin<const abi extends Abi, functionName extends Writable<abi>>(
  chain: Reader,
  wallet: Writer,
  call: ContractCall<abi, functionName>,
  options: SendOptions = {},
) {
  const gas = call.gas ?? withGasMargin(await chain.estimateContractGas({ ...call, account: wallet.account }));
  // viem cannot relate a generic call to its own parameter type: this names that type, it does not widen it.
  const request = { ...call, gas } as WriteContractParameters<
    abi,
    functionName,
    ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>,
    Chain,
    Account
  >;
  return mined(chain, await wallet.writeContract(request), call.functionName, options);
}

/** Deploys a contract from the wallet's account; its address and block once mined. */
export async function deployContract<const abi extends Abi>(
  chain: Reader,
  wallet: Writer,
  contract: { abi: abi; bytecode: Hex; args: ContractConstructorArgs<abi> },
) {
  // The arguments are typed by the signature above; viem's conditional type for them (optional when the
  // constructor takes none) cannot be related to a generic ABI, so the request goes as its general type.
  const request = { ...contract, chain: wallet.chain, account: wallet.account };
  const hash = await wallet.deployContract(request as Parameters<Writer['deployContract']>[0]);
  const receipt = await mined(chain, hash, 'deployment');
  return { address: receipt.contractAddress!, block: receipt.blockNumber };
}
