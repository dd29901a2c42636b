/**
 * The deployments/<chainId>.json already on disk, and what replacing it would orphan: the app, the indexer and the
 * operators follow that file, so a manifest whose contracts are live on chain is replaced only when asked for by
 * name (--replace-live-manifest), never by the general --force.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Address, Chain, PublicClient, Transport } from 'viem';
import { readManifest, type Manifest } from '../../lib/deployments/manifest';
import { DeployError } from './deploy-error';
import type { Journal } from './journal';

export type ExistingManifest = { file: string; manifest: Manifest | undefined; ours: boolean };

/** The manifest on disk, if any, and whether it is the one this journal's deploy wrote (or was about to). */
export function existingManifest(chainId: number, dir: string, journal: Journal | undefined) {
  const file = path.join(dir, `${chainId}.json`);
  if (!fs.existsSync(file)) return undefined;
  let manifest: Manifest | undefined;
  try {
    manifest = readManifest(chainId, dir);
  } catch {
    manifest = undefined;
  }
  const ours = manifest?.contracts.HardwareAssetRegistry.address === journal?.steps.registry?.result?.address;
  return { file, manifest, ours: manifest !== undefined && ours };
}

/** The manifest's registry and factory, each with whether it has code on this chain. */
export async function liveContracts(client: PublicClient<Transport, Chain>, manifest: Manifest) {
  const named: [string, Address][] = [
    ['HardwareAssetRegistry', manifest.contracts.HardwareAssetRegistry.address],
    ['PoolFactory', manifest.contracts.PoolFactory.address],
  ];
  if (manifest.contracts.ProtocolTimelock) {
    named.push(['ProtocolTimelock', manifest.contracts.ProtocolTimelock.address]);
  }
  return Promise.all(
    named.map(async ([name, address]) => ({
      name,
      address,
      live: ((await client.getCode({ address })) ?? '0x') !== '0x',
    })),
  );
}

/**
 * May this deploy overwrite `existing`? A manifest with no contract code behind it (a reset chain, a file from
 * elsewhere) goes with --force; one whose contracts are live needs --replace-live-manifest. Returns the warning to
 * print when a live one is replaced.
 */
export async function checkReplaceable(
  client: PublicClient<Transport, Chain>,
  existing: ExistingManifest,
  flags: { force: boolean; replaceLiveManifest: boolean },
): Promise<string | undefined> {
  const contracts = existing.manifest ? await liveContracts(client, existing.manifest) : [];
  const live = contracts.filter((contract) => contract.live);
  const named = contracts
    .map((contract) => `${contract.name} ${contract.address} (${contract.live ? 'live on chain' : 'no code'})`)
    .join(', ');
  if (live.length > 0) {
    if (flags.replaceLiveManifest) {
      return (
        `warning: replacing ${existing.file}, whose ${named}: the app, the indexer and npm run ops will follow ` +
        `the new deploy; the old contracts stay on chain, keep their addresses`
      );
    }
    throw new DeployError(
      `${existing.file} names a deployment live on this chain: ${named}. Deploying anew would orphan it; give ` +
        `--replace-live-manifest only if that is meant`,
    );
  }
  if (!flags.force && !flags.replaceLiveManifest) {
    const what = existing.manifest ? named : 'a file that is not a manifest';
    throw new DeployError(`${existing.file} already exists (${what}): give --force to replace it with this deploy's`);
  }
  return undefined;
}
