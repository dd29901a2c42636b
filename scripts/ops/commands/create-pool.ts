import { getContractAddress, keccak256, maxUint48, maxUint64, parseEventLogs } from 'viem';
import { z } from 'zod';
import { poolFactoryAbi } from '../../../lib/contracts/abis';
import { creationBytecode } from '../../seed/artifacts';
import { factoryOf, requireRole } from '../chain-reads';
import { defineCommand, withOutputs } from '../command';
import { bytes32Flag, idFlag, textFlag, usdcFlag } from '../flags';
import { metadataHash } from '../metadata-hash';
import { OpsError } from '../ops-error';
import { call, revertReason, runPlan } from '../plan';
import { formatUsdcExact } from '../usdc-amount';

export const createPool = defineCommand({
  name: 'create-pool',
  summary: "create a project's financing pool (factory admin)",
  usage:
    '--project-id <id> --name <text> --symbol <text> --deposit-cap <usdc> --min-deposit <usdc> [--permissioned] --metadata-uri <uri> [--metadata-hash <0x…>]',
  help: [
    '  --deposit-cap, --min-deposit  USDC, e.g. 2500000 or 1000.50 (at most 6 decimals)',
    '  --permissioned                deposits and transfers only to allowlisted addresses',
    '  --metadata-uri                https URL or /metadata/pools/<file> path of the pool document',
    'The pool is created from contracts/out/FinancingPool.sol (npm run contracts:build), which must be the code the factory accepts.',
    'The pool starts Raising: open it with `activate`; its per-asset limits are set through the timelock (`set-limits`).',
    'Sender: DEFAULT_ADMIN_ROLE on the PoolFactory.',
  ],
  options: {
    'project-id': { type: 'string' },
    name: { type: 'string' },
    symbol: { type: 'string' },
    'deposit-cap': { type: 'string' },
    'min-deposit': { type: 'string' },
    permissioned: { type: 'boolean' },
    'metadata-uri': { type: 'string' },
    'metadata-hash': { type: 'string' },
  },
  flags: z.object({
    'project-id': idFlag,
    name: textFlag,
    symbol: textFlag.regex(/^[A-Za-z0-9-]{1,16}$/, 'must be 1–16 letters, digits or dashes'),
    'deposit-cap': usdcFlag,
    'min-deposit': usdcFlag,
    permissioned: z.boolean().optional(),
    'metadata-uri': textFlag,
    'metadata-hash': bytes32Flag.optional(),
  }),
  async run(input, ops) {
    const cap = input['deposit-cap'];
    const min = input['min-deposit'];
    if (min > cap)
      throw new OpsError(`--min-deposit ${formatUsdcExact(min)} is above --deposit-cap ${formatUsdcExact(cap)}`);
    if (cap > maxUint64) throw new OpsError('--deposit-cap is above what a pool can hold (2^64 − 1 base units)');
    if (min > maxUint48) throw new OpsError('--min-deposit is above what a pool can hold (2^48 − 1 base units)');
    const factory = factoryOf(ops);
    await requireRole(ops, factory, 'DEFAULT_ADMIN_ROLE');
    const onFactory = { address: factory.address, abi: poolFactoryAbi } as const;
    try {
      await ops.client.readContract({ ...onFactory, functionName: 'getProject', args: [input['project-id']] });
    } catch (error) {
      throw new OpsError(`--project-id ${input['project-id']} is not a registered project (${revertReason(error)})`);
    }
    let poolCode;
    try {
      poolCode = creationBytecode('FinancingPool');
    } catch (error) {
      throw new OpsError((error as Error).message);
    }
    const accepted = await ops.client.readContract({ ...onFactory, functionName: 'poolCodeHash' });
    if (keccak256(poolCode) !== accepted) {
      throw new OpsError(
        `contracts/out/FinancingPool.sol is not the pool code this factory accepts (${accepted}): build the contracts at the deployed commit`,
      );
    }
    const hash = await metadataHash(ops, input['metadata-uri'], input['metadata-hash']);
    ops.io.log(`metadata ${input['metadata-uri']} keccak-256 ${hash}`);
    // The factory deploys with CREATE: the next pool's address follows from the factory's nonce.
    const nonce = await ops.client.getTransactionCount({ address: factory.address });
    const predicted = getContractAddress({ from: factory.address, nonce: BigInt(nonce) });
    const result = await runPlan(ops, {
      title: `Create pool "${input.name}" (${input.symbol}) for project ${input['project-id']}`,
      calls: [
        call({
          to: factory.address,
          abi: poolFactoryAbi,
          functionName: 'createPool',
          args: [
            {
              projectId: input['project-id'],
              name: input.name,
              symbol: input.symbol,
              depositCap: cap,
              minDeposit: min,
              permissioned: input.permissioned ?? false,
              metadataURI: input['metadata-uri'],
              metadataHash: hash,
            },
            poolCode,
          ],
          summary: `create pool ${input.symbol}: cap ${formatUsdcExact(cap)}, minimum deposit ${formatUsdcExact(min)}${input.permissioned ? ', permissioned' : ''} (at ${predicted} if nothing else is created first)`,
        }),
      ],
    });
    const [event] = parseEventLogs({
      abi: poolFactoryAbi,
      eventName: 'PoolCreated',
      logs: result.receipts[0]?.logs ?? [],
    });
    const pool = event ? event.args.pool : predicted;
    if (event) ops.io.log(`pool ${pool} (block ${event.blockNumber}); open it with: activate --pool ${pool}`);
    return withOutputs(result, { pool });
  },
});
