/**
 * Step 2 of the rehearsal: Circle's part. A USDC without a public mint (FiatTokenStandIn) is deployed by the
 * "Circle" account, which configures itself as a minter and hands out the USDC the investor and the reporter
 * start with, as Circle's testnet faucet would. Nothing of the protocol is involved: the production deploy
 * command later receives this token by address, as it would receive Circle's USDC on a testnet.
 */
import { createPublicClient, createWalletClient, http, parseUnits, type Address } from 'viem';
import { fiatTokenStandInAbi } from '../../lib/contracts/abis';
import { appChain } from '../../lib/chain/app-chain';
import { creationBytecode } from '../seed/artifacts';
import { deployContract, sendWithGasMargin } from '../stack/contract-write';
import { chainLog } from './operate';
import { castAccount, castAddress, type RehearsalChain } from './world';

export async function issueUsdc(rehearsal: RehearsalChain, rpcUrl: string): Promise<Address> {
  const { funding } = rehearsal.market;
  const chain = appChain({ id: rehearsal.id, rpcUrl });
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  const circle = createWalletClient({ chain, account: castAccount('circle'), transport: http(rpcUrl) });
  const { address } = await deployContract(client, circle, {
    abi: fiatTokenStandInAbi,
    bytecode: creationBytecode('FiatTokenStandIn'),
    args: [circle.account.address],
  });
  const total = Object.values(funding).reduce((sum, usdc) => sum + parseUnits(usdc, 6), 0n);
  const token = { address, abi: fiatTokenStandInAbi } as const;
  await sendWithGasMargin(client, circle, {
    ...token,
    functionName: 'configureMinter',
    args: [circle.account.address, total],
  });
  for (const [role, usdc] of Object.entries(funding) as [keyof typeof funding, string][]) {
    await sendWithGasMargin(client, circle, {
      ...token,
      functionName: 'mint',
      args: [castAddress(role), parseUnits(usdc, 6)],
    });
  }
  chainLog(rehearsal, `  USDC (no public mint)  ${address}`);
  return address;
}
