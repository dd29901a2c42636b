import { parseEventLogs, zeroAddress } from 'viem';
import { z } from 'zod';
import { poolFactoryAbi } from '../../../lib/contracts/abis';
import { factoryOf, requireRole } from '../chain-reads';
import { defineCommand, withOutputs } from '../command';
import { addressFlag, bytes32Flag, choiceFlag, textFlag } from '../flags';
import { metadataHash } from '../metadata-hash';
import { OpsError } from '../ops-error';
import { call, runPlan } from '../plan';

const CATEGORY = { compute: 0, robotics: 1 } as const;

export const registerProject = defineCommand({
  name: 'register-project',
  summary: 'register an operator that needs financing (factory admin)',
  usage: '--operator <address> --category compute|robotics --name <text> --metadata-uri <uri> [--metadata-hash <0x…>]',
  help: [
    '  --operator       the address capital of its pools will be sent to',
    '  --category       compute (GPU clusters) or robotics (robot fleets)',
    '  --metadata-uri   https URL or /metadata/projects/<file> path of the project document',
    '  --metadata-hash  keccak-256 of the document (default: computed from the bytes at the URI)',
    'Sender: DEFAULT_ADMIN_ROLE on the PoolFactory.',
  ],
  options: {
    operator: { type: 'string' },
    category: { type: 'string' },
    name: { type: 'string' },
    'metadata-uri': { type: 'string' },
    'metadata-hash': { type: 'string' },
  },
  flags: z.object({
    operator: addressFlag,
    category: choiceFlag(['compute', 'robotics']),
    name: textFlag,
    'metadata-uri': textFlag,
    'metadata-hash': bytes32Flag.optional(),
  }),
  async run(input, ops) {
    if (input.operator === zeroAddress) throw new OpsError('--operator is the zero address');
    const factory = factoryOf(ops);
    await requireRole(ops, factory, 'DEFAULT_ADMIN_ROLE');
    const hash = await metadataHash(ops, input['metadata-uri'], input['metadata-hash']);
    ops.io.log(`metadata ${input['metadata-uri']} keccak-256 ${hash}`);
    const next =
      (await ops.client.readContract({ address: factory.address, abi: poolFactoryAbi, functionName: 'projectCount' })) +
      1n;
    const result = await runPlan(ops, {
      title: `Register project "${input.name}" (${input.category}, operator ${input.operator})`,
      calls: [
        call({
          to: factory.address,
          abi: poolFactoryAbi,
          functionName: 'registerProject',
          args: [input.operator, CATEGORY[input.category], input.name, input['metadata-uri'], hash],
          summary: `register project "${input.name}" as id ${next} (if nothing else registers first)`,
        }),
      ],
    });
    const [event] = parseEventLogs({
      abi: poolFactoryAbi,
      eventName: 'ProjectRegistered',
      logs: result.receipts[0]?.logs ?? [],
    });
    const projectId = event ? event.args.projectId : next;
    if (event) ops.io.log(`project id ${projectId}`);
    return withOutputs(result, { projectId: String(projectId), metadataHash: hash });
  },
});
