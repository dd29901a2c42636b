/**
 * Connects a command to its chain: the RPC (whose chain id decides everything else), the chain's manifest, and the
 * sender: a key that signs, a Safe that will sign the batch we write, or an address a dry run simulates as.
 */
import path from 'node:path';
import { BaseError, createPublicClient, http, type Address, type Chain, type PublicClient, type Transport } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { appChain } from '../../lib/chain/app-chain';
import { readManifest, type Manifest } from '../../lib/deployments/manifest';
import type { CommonFlags } from './flags';
import { OpsError } from './ops-error';
import { loadSigner } from './signer';

export type OpsIo = {
  env: Record<string, string | undefined>;
  log: (line: string) => void;
  /** Refusals and failures (stderr for the CLI). */
  error: (line: string) => void;
  /** Where relative paths (deployments/, public/) are read from. */
  cwd: string;
};

export type Sender =
  | { kind: 'key'; address: Address; account: PrivateKeyAccount }
  | { kind: 'safe'; address: Address; out?: string }
  | { kind: 'watch'; address: Address };

export type Ops = {
  io: OpsIo;
  rpcUrl: string;
  /** How long a sent transaction's receipt is waited for (OPS_RECEIPT_TIMEOUT_SECONDS); viem's 180 s if unset. */
  receiptTimeoutMs?: number;
  chain: Chain;
  client: PublicClient<Transport, Chain>;
  manifest: Manifest;
  sender: Sender;
  dryRun: boolean;
};

async function senderOf(flags: CommonFlags, io: OpsIo): Promise<Sender> {
  if (flags.safe) return { kind: 'safe', address: flags.safe, out: flags.out };
  if (flags.from) return { kind: 'watch', address: flags.from };
  const account = await loadSigner({ privateKeyEnv: flags.privateKeyEnv, keystore: flags.keystore }, io.env);
  return { kind: 'key', address: account.address, account };
}

/**
 * The RPC as it may be printed: its origin only. A provider's URL often carries the API key in its path or query
 * (…/v2/<key>, ?apikey=) or credentials before the host; none of that belongs in a terminal or a CI log.
 */
export function rpcOrigin(rpcUrl: string): string {
  try {
    return new URL(rpcUrl).origin;
  } catch {
    return 'the RPC';
  }
}

function checkedRpcUrl(flags: CommonFlags, io: OpsIo): string {
  const rpcUrl = flags.rpcUrl ?? io.env.RPC_URL;
  if (!rpcUrl) throw new OpsError('no RPC: give --rpc-url <url> or set RPC_URL');
  let protocol: string | undefined;
  try {
    protocol = new URL(rpcUrl).protocol;
  } catch {
    // Not echoed: a mistyped URL may still hold the key.
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new OpsError(`${flags.rpcUrl ? '--rpc-url' : 'RPC_URL'} is not an http(s) URL`);
  }
  return rpcUrl;
}

/** OPS_RECEIPT_TIMEOUT_SECONDS: how long to wait for a receipt before saying "sent, not yet mined". */
function receiptTimeoutMs(io: OpsIo): number | undefined {
  const raw = io.env.OPS_RECEIPT_TIMEOUT_SECONDS?.trim();
  if (raw === undefined || raw === '') return undefined;
  const seconds = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(seconds >= 1 && seconds <= 86_400)) {
    throw new OpsError('OPS_RECEIPT_TIMEOUT_SECONDS must be whole seconds from 1 to 86400');
  }
  return seconds * 1_000;
}

export async function connect(flags: CommonFlags, io: OpsIo): Promise<Ops> {
  const rpcUrl = checkedRpcUrl(flags, io);
  const shown = rpcOrigin(rpcUrl);
  const timeoutMs = receiptTimeoutMs(io);
  const sender = await senderOf(flags, io);
  let chainId: number;
  try {
    chainId = await createPublicClient({ transport: http(rpcUrl, { retryCount: 1 }) }).getChainId();
  } catch (error) {
    // The first line only: viem puts the full URL in the lines after it.
    const reason = (error instanceof BaseError ? error.shortMessage : (error as Error).message.split('\n')[0])!;
    throw new OpsError(`the RPC ${shown} does not answer: ${reason.split(rpcUrl).join(shown)}`);
  }
  if (flags.chain !== undefined && flags.chain !== chainId) {
    throw new OpsError(`--chain ${flags.chain} but the RPC ${shown} is on chain ${chainId}`);
  }
  const dir = io.env.DEPLOYMENTS_DIR ?? path.join(io.cwd, 'deployments');
  let manifest: Manifest;
  try {
    manifest = readManifest(chainId, dir);
  } catch (error) {
    throw new OpsError(`no usable manifest for chain ${chainId} in ${dir}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (manifest.chainId !== chainId) {
    throw new OpsError(`the manifest for chain ${chainId} in ${dir} says chain ${manifest.chainId}`);
  }
  const chain = appChain({ id: chainId, rpcUrl });
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  if (sender.kind === 'safe') {
    const code = await client.getCode({ address: sender.address });
    if (!code || code === '0x')
      throw new OpsError(`--safe ${sender.address} has no code on chain ${chainId}: not a Safe`);
  }
  return { io, rpcUrl, receiptTimeoutMs: timeoutMs, chain, client, manifest, sender, dryRun: flags.dryRun };
}

/** How the plan will be carried out, for the header of what is printed. */
export function senderLabel(sender: Sender): string {
  if (sender.kind === 'safe') return `Safe ${sender.address}`;
  if (sender.kind === 'watch') return `${sender.address} (simulated)`;
  return sender.address;
}
