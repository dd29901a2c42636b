/**
 * What every real network already carries and a fresh anvil does not: Multicall3 at its canonical address, which
 * viem's chain definitions (Base Sepolia's and Sepolia's included) name and through which the app batches its
 * reads. The stand-in's code is deployed once and copied there with anvil_setCode, as the chain's predeploy would be.
 */
import { createTestClient, http, publicActions, type Hex } from 'viem';
import { appChain } from '../../lib/chain/app-chain';
import { creationBytecode } from '../seed/artifacts';
import { chainLog } from './operate';
import { castAccount, type RehearsalChain } from './world';

export async function putMulticall3(rehearsal: RehearsalChain, rpcUrl: string) {
  const chain = appChain({ id: rehearsal.id, rpcUrl });
  const address = chain.contracts?.multicall3?.address;
  if (!address) throw new Error(`viem names no Multicall3 for chain ${rehearsal.id}`);
  const client = createTestClient({ chain, mode: 'anvil', transport: http(rpcUrl) }).extend(publicActions);
  const hash = await client.sendUnsignedTransaction({
    from: castAccount('chainSetup').address,
    data: creationBytecode('Multicall3StandIn') as Hex,
  });
  const { contractAddress } = await client.waitForTransactionReceipt({ hash, pollingInterval: 10 });
  const code = await client.getCode({ address: contractAddress! });
  if (!code) throw new Error('the Multicall3 stand-in has no code');
  await client.setCode({ address, bytecode: code });
  chainLog(rehearsal, `  Multicall3             ${address}`);
}
