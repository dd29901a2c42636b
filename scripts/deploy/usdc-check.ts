/**
 * The pools' asset must be the chain's real USDC, given by address: a contract that answers as an ERC-20 with 6
 * decimals and that nobody can mint at will. The command never deploys a token; a faucet token (MockUSDC, whose
 * `mint(address,uint256)` is open to anyone) is refused, so a pasted test address cannot go to production. Where
 * Circle issues USDC itself, its address is the only one taken: a bridged USDbC or another 6-decimal token passes
 * every other check.
 */
import { erc20Abi, isAddressEqual, type Address, type Chain, type PublicClient, type Transport } from 'viem';
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts';
import { mockUsdcAbi } from '../../lib/contracts/abis';
import { DeployError } from './deploy-error';

export type UsdcFacts = { name: string; symbol: string; decimals: number; totalSupply: bigint };

/** Circle's native USDC by chain id (developers.circle.com/stablecoins/usdc-contract-addresses). */
export const CIRCLE_USDC: Readonly<Record<number, Address>> = {
  1: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  8453: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
  84532: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
  42161: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831',
  11155111: '0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238',
};

export async function checkUsdc(
  client: PublicClient<Transport, Chain>,
  usdc: Address,
  deployer: Address,
  opts: { allowOtherUsdc?: boolean } = {},
): Promise<UsdcFacts> {
  const circle = CIRCLE_USDC[client.chain.id];
  if (circle && !isAddressEqual(circle, usdc) && !opts.allowOtherUsdc) {
    throw new DeployError(
      `usdc: ${usdc} is not Circle's USDC on chain ${client.chain.id} (${circle}); use that address, or give ` +
        `--allow-other-usdc if this token is meant`,
    );
  }
  const code = await client.getCode({ address: usdc });
  if (!code || code === '0x') {
    throw new DeployError(`usdc: no contract at ${usdc} on chain ${client.chain.id}`);
  }
  const read = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch {
      throw new DeployError(`usdc: ${usdc} does not answer ${what}: not an ERC-20`);
    }
  };
  const token = { address: usdc, abi: erc20Abi } as const;
  const decimals = await read('decimals()', () => client.readContract({ ...token, functionName: 'decimals' }));
  if (decimals !== 6) throw new DeployError(`usdc: ${usdc} has ${decimals} decimals; USDC has 6`);
  const symbol = await read('symbol()', () => client.readContract({ ...token, functionName: 'symbol' }));
  const name = await read('name()', () => client.readContract({ ...token, functionName: 'name' }));
  const totalSupply = await read('totalSupply()', () => client.readContract({ ...token, functionName: 'totalSupply' }));
  await read('balanceOf(address)', () =>
    client.readContract({ ...token, functionName: 'balanceOf', args: [deployer] }),
  );

  // A stranger's mint must fail: from a fresh random address, which no token could have made a minter.
  const stranger = privateKeyToAddress(generatePrivateKey());
  const mintable = await client
    .simulateContract({
      address: usdc,
      abi: mockUsdcAbi,
      functionName: 'mint',
      args: [deployer, 1n],
      account: stranger,
    })
    .then(
      () => true,
      () => false,
    );
  if (mintable) {
    throw new DeployError(
      `usdc: anyone can mint ${usdc} (mint(address,uint256) from a random address succeeds): a faucet token, ` +
        `not USDC. Give the chain's USDC.`,
    );
  }
  return { name, symbol, decimals, totalSupply };
}
