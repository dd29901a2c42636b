import { z } from 'zod';
import { hardwareAssetRegistryAbi } from '../../../lib/contracts/abis';
import { ASSET_STATUS, readAssets, registryOf, requireRole } from '../chain-reads';
import { defineCommand, withOutputs } from '../command';
import { choiceFlag, idFlag } from '../flags';
import { OpsError } from '../ops-error';
import { call, runPlan } from '../plan';

export const setAssetStatus = defineCommand({
  name: 'set-asset-status',
  summary: "change a machine group's status in the registry (registrar)",
  usage: '--asset <id> --status pending|active|maintenance|retired|impaired',
  help: [
    '  --status  active when the machines go live; impaired before mark-impairment; retired at the end.',
    'Sender: REGISTRAR_ROLE on the HardwareAssetRegistry.',
  ],
  options: { asset: { type: 'string' }, status: { type: 'string' } },
  flags: z.object({ asset: idFlag, status: choiceFlag(ASSET_STATUS) }),
  async run(input, ops) {
    const registry = registryOf(ops);
    await requireRole(ops, registry, 'REGISTRAR_ROLE');
    const asset = (await readAssets(ops, [input.asset])).get(input.asset);
    if (!asset) throw new OpsError(`--asset ${input.asset} is not registered in the HardwareAssetRegistry`);
    const status = ASSET_STATUS.indexOf(input.status);
    if (asset.status === status) throw new OpsError(`asset ${input.asset} is already ${input.status}`);
    const result = await runPlan(ops, {
      title: `Asset ${input.asset} (${asset.units}× ${asset.model}): ${ASSET_STATUS[asset.status]} → ${input.status}`,
      calls: [
        call({
          to: registry.address,
          abi: hardwareAssetRegistryAbi,
          functionName: 'setStatus',
          args: [input.asset, status],
          summary: `set asset ${input.asset}'s status to ${input.status}`,
        }),
      ],
    });
    return withOutputs(result);
  },
});
