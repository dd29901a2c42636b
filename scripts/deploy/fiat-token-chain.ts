/**
 * For the deploy's tests (and any rehearsal that wants it): our own anvil carrying a real network's chain id, with
 * a USDC like Circle's already issued there by "Circle" (dev account 9, its master minter), so the deploy meets
 * what it meets on Base Sepolia: an existing token with no public mint.
 */
import {
  bytesToHex,
  concat,
  createPublicClient,
  createWalletClient,
  encodeAbiParameters,
  getAddress,
  http,
  toFunctionSelector,
  type Address,
  type Hex,
} from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { fiatTokenStandInAbi } from '../../lib/contracts/abis';
import { creationBytecode } from '../seed/artifacts';
import { startAnvil } from '../stack/anvil';
import { deployContract } from '../stack/contract-write';

const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';
export const CIRCLE_ACCOUNT = 9;

export const devAccount = (index: number) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index });
export const devKey = (index: number): Hex => bytesToHex(devAccount(index).getHdKey().privateKey!);

/** Starts anvil on `port` with `chainId` (scripts/stack/anvil.ts); stop() ends it by its PID. */
export async function startChainWithId(port: number, chainId: number) {
  const anvil = await startAnvil(port, { quiet: true, chainId });
  const stop = () =>
    new Promise<void>((resolve) => {
      const pid = anvil.child.pid;
      if (pid === undefined || anvil.child.exitCode !== null || anvil.child.signalCode !== null) return resolve();
      anvil.child.once('exit', () => resolve());
      process.kill(-pid, 'SIGTERM');
    });
  const client = createPublicClient({ transport: http(anvil.rpcUrl) });
  return { rpcUrl: anvil.rpcUrl, pid: anvil.child.pid, client, stop };
}

/** Circle's stand-in token, deployed by dev account 9 as its master minter. */
export async function issueFiatToken(rpcUrl: string, chainId: number): Promise<Address> {
  const chain = {
    id: chainId,
    name: `anvil ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  } as const;
  const circle = devAccount(CIRCLE_ACCOUNT);
  const client = createPublicClient({ chain, transport: http(rpcUrl), pollingInterval: 20 });
  const wallet = createWalletClient({ chain, transport: http(rpcUrl), account: circle });
  const { address } = await deployContract(client, wallet, {
    abi: fiatTokenStandInAbi,
    bytecode: creationBytecode('FiatTokenStandIn'),
    args: [circle.address],
  });
  return getAddress(address);
}

/**
 * Runtime code that answers like a Safe with `threshold` of `owners`: getThreshold() returns it, any other call the owners
 * (what getOwners() returns). Hand-assembled, so the tests need no Safe contracts: put it at an address with
 * anvil_setCode.
 */
export function safeLikeCode(owners: readonly Address[], threshold = 2): Hex {
  const blob = encodeAbiParameters([{ type: 'address[]' }], [owners]);
  const length = (blob.length - 2) / 2;
  if (length > 255) throw new Error('safeLikeCode: too many owners for a PUSH1 length');
  const byte = (n: number) => n.toString(16).padStart(2, '0');
  const thresholdAt = 27;
  const blobAt = 38;
  const code =
    `0x60003560e01c63${toFunctionSelector('getThreshold()').slice(2)}1460${byte(thresholdAt)}57` +
    `60${byte(length)}60${byte(blobAt)}60003960${byte(length)}6000f3` +
    `5b60${byte(threshold)}60005260206000f3`;
  return concat([code as Hex, blob]);
}
