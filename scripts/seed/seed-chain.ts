/**
 * The seed's connection to a local anvil: anvil's dev accounts by index, typed contract calls and deployments
 * (scripts/stack/contract-write.ts) with a fixed gas limit, and the chain's day clock.
 */
import {
  createTestClient,
  createWalletClient,
  http,
  publicActions,
  type Abi,
  type Address,
  type ContractConstructorArgs,
  type ContractFunctionName,
} from 'viem';
import { foundry } from 'viem/chains';
import { deployContract, sendWithGasMargin, type ContractCall } from '../stack/contract-write';
import { creationBytecode } from './artifacts';
import { SEED_ACCOUNT_COUNT } from './world';

export const DAY = 86_400;

/**
 * A fixed gas limit: anvil estimates at the last block's timestamp, but the seed mines at a later one where
 * revenue accrual takes more gas, so an estimate can fall short.
 */
const SEED_GAS = 8_000_000n;

/**
 * `chainId`: another id than anvil's own 31337 (Base Sepolia's, say) for an anvil started with it, as the
 * indexer's tests of several chains do; the node must then say it is anvil.
 */
export async function connectSeedChain(rpcUrl: string, opts: { chainId?: number } = {}) {
  const expected = opts.chainId ?? 31337;
  const chain = { ...foundry, id: expected, rpcUrls: { default: { http: [rpcUrl] } } };
  const transport = http(rpcUrl);
  const client = createTestClient({ chain, mode: 'anvil', transport }).extend(publicActions);
  const accounts = await createWalletClient({ chain, transport }).getAddresses();
  if (accounts.length < SEED_ACCOUNT_COUNT) {
    throw new Error(`the seed needs anvil started with ${SEED_ACCOUNT_COUNT} accounts, got ${accounts.length}`);
  }
  // The seed deploys MockUSDC, whose faucet must never reach a real network (the contract refuses too).
  const chainId = await client.getChainId();
  if (chainId !== expected)
    throw new Error(`the seed only runs on a local anvil chain (${expected}), not on chain ${chainId}`);
  if (chainId !== 31337) {
    const node: unknown = await client.request({ method: 'web3_clientVersion' } as never);
    if (!String(node).startsWith('anvil/')) throw new Error(`chain ${chainId} is not a local anvil (it is ${node})`);
  }
  const addr = (index: number): Address => accounts[index]!;
  const wallet = (index: number) => createWalletClient({ chain, account: addr(index), transport });
  const genesis = Number((await client.getBlock()).timestamp);
  let transactions = 0;

  return {
    chainId,
    client,
    addr,
    /** The chain time `day` days after genesis, in seconds. */
    at: (day: number) => genesis + Math.round(day * DAY),
    transactions: () => transactions,
    /**
     * A contract call from dev account `from`, mined; on a revert, replays it to name the reason. `gas`: above the
     * seed's fixed limit, for a call that deploys contracts (a tranched pool and its vaults).
     */
    async send<const abi extends Abi, functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      from: number,
      call: Omit<ContractCall<abi, functionName>, 'gas'>,
      gas = SEED_GAS,
    ) {
      transactions++;
      try {
        return await sendWithGasMargin(client, wallet(from), { ...call, gas });
      } catch (error) {
        await client.simulateContract({ ...call, account: addr(from) } as Parameters<
          typeof client.simulateContract
        >[0]);
        throw error;
      }
    },
    /** Deploys `contract` (forge's creation bytecode) from dev account `from`. */
    async deploy<const abi extends Abi>(from: number, contract: string, abi: abi, args: ContractConstructorArgs<abi>) {
      transactions++;
      const deployment = await deployContract(client, wallet(from), {
        abi,
        bytecode: creationBytecode(contract),
        args,
      });
      return { address: deployment.address, block: Number(deployment.block) };
    },
  };
}

export type SeedChain = Awaited<ReturnType<typeof connectSeedChain>>;
