/**
 * Transactions in bulk on anvil with automine off, over viem's http transport batching many JSON-RPC
 * requests into one HTTP request.
 */
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  numberToHex,
  publicActions,
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type EncodeFunctionDataParameters,
  type Hex,
} from 'viem';
import { foundry } from 'viem/chains';

const MAX_BLOCK_TXS = 500;
const MAX_BATCH_BYTES = 1_000_000;

/** Consecutive groups of transactions whose calldata adds up to at most MAX_BATCH_BYTES (hex characters). */
function byCalldataSize<T extends { data: Hex }>(txs: T[]): T[][] {
  const groups: T[][] = [];
  let size = Infinity;
  for (const tx of txs) {
    if (size + tx.data.length > MAX_BATCH_BYTES) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(tx);
    size += tx.data.length;
  }
  return groups;
}

/**
 * A client that batches what is requested in the same tick. No timeout and no retries: mining a block of 500
 * heavy transactions can take long, and a retried evm_mine would mine another block.
 */
export function bulkClient(rpcUrl: string) {
  const chain = { ...foundry, rpcUrls: { default: { http: [rpcUrl] } } };
  const transport = http(rpcUrl, { batch: { batchSize: MAX_BLOCK_TXS }, timeout: 0, retryCount: 0 });
  return {
    chain,
    transport,
    client: createTestClient({ chain, mode: 'anvil', transport }).extend(publicActions),
    /** For eth_sendTransaction as it is (nonce and gas given, nothing estimated) and eth_getBlockReceipts. */
    rpc: { wallet: createWalletClient({ chain, transport }), public: createPublicClient({ chain, transport }) },
  };
}

export type Bulk = ReturnType<typeof bulkClient>;

type Tx = { from: Address; to: Address; data: Hex; gas: bigint; label: string };

/**
 * Queues transactions and mines them with automine off: all of a call to mine() land in blocks (of at
 * most MAX_BLOCK_TXS) stamped with the given time. Nonces are assigned here, so a sender's transactions
 * run in the order they were queued; transactions of different senders that depend on each other must be
 * in different mine() calls. Every receipt is checked.
 */
export function bulkMiner({ client, rpc }: Bulk, nonces: Map<Address, number>) {
  let queue: Tx[] = [];
  const stats = { txs: 0, blocks: 0 };
  return {
    stats,
    send<const abi extends Abi, functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      from: Address,
      call: {
        address: Address;
        abi: abi;
        functionName: functionName;
        args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>;
      },
      gas: bigint,
    ) {
      // viem cannot relate a generic call to its own parameter type: this names that type, it does not widen it.
      const data = encodeFunctionData<abi, functionName>({
        abi: call.abi,
        functionName: call.functionName,
        args: call.args,
      } as EncodeFunctionDataParameters<abi, functionName>);
      queue.push({ from, to: call.address, data, gas, label: call.functionName });
    },
    async mine(timestamp?: number) {
      const txs = queue;
      queue = [];
      let first = true;
      for (let i = 0; i < txs.length || (first && txs.length === 0); i += MAX_BLOCK_TXS) {
        const chunk = txs.slice(i, i + MAX_BLOCK_TXS);
        const hashes: Hex[] = [];
        // One HTTP batch per MAX_BATCH_BYTES of calldata: a batch of 500 pool creations (each carries the
        // pool's bytecode) is over anvil's request size limit.
        for (const group of byCalldataSize(chunk)) {
          hashes.push(
            ...(await Promise.all(
              group.map(({ from, to, data, gas }) => {
                const nonce = nonces.get(from)!;
                nonces.set(from, nonce + 1);
                return rpc.wallet.request({
                  method: 'eth_sendTransaction',
                  params: [{ from, to, data, gas: numberToHex(gas), nonce: numberToHex(nonce) }],
                });
              }),
            )),
          );
        }
        if (first && timestamp !== undefined) {
          const latest = await client.getBlock({ blockTag: 'latest' });
          if (timestamp > Number(latest.timestamp))
            await client.setNextBlockTimestamp({ timestamp: BigInt(timestamp) });
        }
        first = false;
        await client.mine({ blocks: 1 });
        stats.blocks++;
        const receipts = await rpc.public.request({ method: 'eth_getBlockReceipts', params: ['latest'] });
        if (receipts?.length !== chunk.length) {
          throw new Error(`mined ${receipts?.length ?? 0} of ${chunk.length} transactions in one block`);
        }
        const labels = new Map(hashes.map((h, j) => [h, chunk[j]!.label]));
        const failed = receipts.filter((r) => r.status !== '0x1');
        if (failed.length > 0) {
          const names = failed.slice(0, 5).map((r) => `${labels.get(r.transactionHash)} ${r.transactionHash}`);
          throw new Error(`${failed.length} transactions reverted: ${names.join(', ')}`);
        }
        stats.txs += chunk.length;
      }
    },
  };
}

export type BulkMiner = ReturnType<typeof bulkMiner>;
