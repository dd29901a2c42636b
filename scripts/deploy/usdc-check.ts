/**
 * The pools' asset must be the chain's real USDC, given by address: a contract that answers as an ERC-20 with 6
 * decimals and that nobody can mint at will. The command never deploys a token; a faucet token (MockUSDC, whose
 * `mint(address,uint256)` is open to anyone) is refused, so a pasted test address cannot go to production.
 */
import { erc20Abi, type Address, type Chain, type PublicClient, type Transport } from 'viem';
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts';
import { mockUsdcAbi } from '../../lib/contracts/abis';
import { DeployError } from './deploy-error';

export type UsdcFacts = { name: string; symbol: string; decimals: number; totalSupply: bigint };

export async function checkUsdc(
  client: PublicClient<Transport, Chain>,
  usdc: Address,
  deployer: Address,
): Promise<UsdcFacts> {
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
