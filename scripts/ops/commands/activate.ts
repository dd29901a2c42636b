import { z } from 'zod';
import { financingPoolAbi } from '../../../lib/contracts/abis';
import { requirePool, requirePoolNotPaused, requireRole } from '../chain-reads';
import { defineCommand, withOutputs } from '../command';
import { addressFlag } from '../flags';
import { OpsError } from '../ops-error';
import { call, runPlan } from '../plan';

const STATUS = ['Raising', 'Active', 'Closed'] as const;

export const activate = defineCommand({
  name: 'activate',
  summary: 'open a new pool (Raising → Active) (pool manager)',
  usage: '--pool <address>',
  help: ['Sender: POOL_MANAGER_ROLE on the pool.'],
  options: { pool: { type: 'string' } },
  flags: z.object({ pool: addressFlag }),
  async run(input, ops) {
    const pool = await requirePool(ops, input.pool);
    await requireRole(ops, pool, 'POOL_MANAGER_ROLE');
    await requirePoolNotPaused(ops, pool.address);
    const status = await ops.client.readContract({
      address: pool.address,
      abi: financingPoolAbi,
      functionName: 'status',
    });
    if (status !== 0) throw new OpsError(`pool ${pool.address} is ${STATUS[status] ?? status}, not Raising`);
    const result = await runPlan(ops, {
      title: `Activate pool ${pool.address}`,
      calls: [
        call({
          to: pool.address,
          abi: financingPoolAbi,
          functionName: 'activate',
          args: [],
          summary: 'open the pool: Raising → Active',
        }),
      ],
    });
    return withOutputs(result);
  },
});
