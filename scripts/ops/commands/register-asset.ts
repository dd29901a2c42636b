import { getAddress, parseEventLogs } from 'viem';
import { z } from 'zod';
import { financingPoolAbi, hardwareAssetRegistryAbi } from '../../../lib/contracts/abis';
import { registryOf, requirePool, requireRole } from '../chain-reads';
import { defineCommand, withOutputs } from '../command';
import { addressFlag, choiceFlag, textFlag } from '../flags';
import { OpsError } from '../ops-error';
import { call, runPlan } from '../plan';

const KIND = { gpu: 0, robot: 1, other: 2 } as const;

export const registerAsset = defineCommand({
  name: 'register-asset',
  summary: 'register a machine group financed by a pool (registrar)',
  usage:
    '--pool <address> [--operator <address>] --kind gpu|robot|other --model <text> --units <n> --location <text> --metadata-uri <uri>',
  help: [
    "  --operator   who runs the machines; must be the pool's project operator (the default), or capital",
    '               could never be deployed to the asset',
    '  --units      how many machines (GPUs, robots) the group holds, 1 to 4294967295',
    'The asset starts Pending; its limit is set through the timelock (`set-limits --asset`).',
    'Sender: REGISTRAR_ROLE on the HardwareAssetRegistry.',
  ],
  options: {
    pool: { type: 'string' },
    operator: { type: 'string' },
    kind: { type: 'string' },
    model: { type: 'string' },
    units: { type: 'string' },
    location: { type: 'string' },
    'metadata-uri': { type: 'string' },
  },
  flags: z.object({
    pool: addressFlag,
    operator: addressFlag.optional(),
    kind: choiceFlag(['gpu', 'robot', 'other']),
    model: textFlag,
    units: z
      .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a count') })
      .regex(/^[1-9]\d{0,9}$/, 'is not a whole number from 1')
      .transform(Number)
      .refine((n) => n <= 0xffffffff, 'is above 4294967295'),
    location: textFlag,
    'metadata-uri': textFlag,
  }),
  async run(input, ops) {
    const registry = registryOf(ops);
    await requireRole(ops, registry, 'REGISTRAR_ROLE');
    await requirePool(ops, input.pool);
    const projectOperator = await ops.client.readContract({
      address: input.pool,
      abi: financingPoolAbi,
      functionName: 'projectOperator',
    });
    const operator = input.operator ?? projectOperator;
    if (getAddress(operator) !== getAddress(projectOperator)) {
      throw new OpsError(
        `--operator ${operator} is not pool ${input.pool}'s project operator ${projectOperator}: capital could never be deployed to this asset`,
      );
    }
    const next =
      (await ops.client.readContract({
        address: registry.address,
        abi: hardwareAssetRegistryAbi,
        functionName: 'assetCount',
      })) + 1n;
    const result = await runPlan(ops, {
      title: `Register ${input.units}× ${input.model}, ${input.location}, for pool ${input.pool}`,
      calls: [
        call({
          to: registry.address,
          abi: hardwareAssetRegistryAbi,
          functionName: 'registerAsset',
          args: [
            input.pool,
            operator,
            KIND[input.kind],
            input.model,
            input.units,
            input.location,
            input['metadata-uri'],
          ],
          summary: `register asset ${next} (if nothing else registers first), run by ${operator}`,
        }),
      ],
    });
    const [event] = parseEventLogs({
      abi: hardwareAssetRegistryAbi,
      eventName: 'AssetRegistered',
      logs: result.receipts[0]?.logs ?? [],
    });
    const assetId = event ? event.args.assetId : next;
    if (event) ops.io.log(`asset id ${assetId}`);
    return withOutputs(result, { assetId: String(assetId) });
  },
});
