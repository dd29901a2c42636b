import fs from 'node:fs';
import path from 'node:path';
import { getAddress, isAddress } from 'viem';
import { z } from 'zod';

const address = z
  .string()
  .refine((value) => isAddress(value), { message: 'not an address' })
  .transform((value) => getAddress(value));

const deployedContract = z.object({ address, deployedOnBlock: z.number().int().nonnegative() });

/**
 * What the deploy script wrote for one chain: `deployments/<chainId>.json`. The app, the indexer and the
 * scripts all read addresses and start blocks from here and nowhere else.
 */
const manifestSchema = z.object({
  chainId: z.number().int().positive(),
  startBlock: z.number().int().nonnegative(),
  contracts: z.object({
    /** The pools' asset: the chain's USDC on a real network, the faucet MockUSDC on a local chain. */
    USDC: deployedContract,
    HardwareAssetRegistry: deployedContract,
    PoolFactory: deployedContract,
    /** The pools' admin (OpenZeppelin TimelockController): its scheduled calls are the pools' pending changes. */
    ProtocolTimelock: deployedContract.optional(),
    /** Every pool the factory had created when the manifest was written; the indexer finds later ones itself. */
    FinancingPools: z.array(deployedContract),
    /** Creates pools with a senior and a junior tranche (absent on a chain without them). */
    TranchedPoolFactory: deployedContract.optional(),
    /**
     * Every tranched pool the factory had created when the manifest was written, with its two vaults (ERC-4626
     * each); a manifest from before tranches has none.
     */
    TranchedPools: z.array(deployedContract.extend({ senior: address, junior: address })).optional(),
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Folder of the manifests; tests point DEPLOYMENTS_DIR elsewhere so they never overwrite the dev chain's. */
export function deploymentsDir(): string {
  return process.env.DEPLOYMENTS_DIR ?? path.join(process.cwd(), 'deployments');
}

function manifestPath(chainId: number, dir = deploymentsDir()): string {
  return path.join(dir, `${chainId}.json`);
}

class ManifestMissingError extends Error {}

export function readManifest(chainId: number, dir = deploymentsDir()): Manifest {
  const file = manifestPath(chainId, dir);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ManifestMissingError(
      `No deployment manifest for chain ${chainId} at ${file}. Start the local chain with \`npm run dev\`.`,
    );
  }
  return manifestSchema.parse(JSON.parse(raw));
}

export function writeManifest(manifest: Manifest, dir = deploymentsDir()): string {
  const file = manifestPath(manifest.chainId, dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(manifestSchema.parse(manifest), null, 2) + '\n');
  return file;
}
