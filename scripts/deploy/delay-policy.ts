/**
 * The timelock's delay is the time the community has to see an admin action coming and leave before it takes
 * effect. On a network with real money a delay under an hour defeats it, so it is refused unless asked for.
 */
import type { DeployConfig } from '../../lib/deployments/deploy-config';
import { DeployError } from './deploy-error';

/** Ethereum, Base, Arbitrum One: the mainnets the app knows. */
const MAINNETS = new Set([1, 8453, 42161]);
const HOUR = 3_600;

/** Throws on a mainnet below an hour unless allowed; otherwise the warning lines to print (maybe none). */
export function checkTimelockDelay(config: DeployConfig, allowShortDelay = false): string[] {
  const delay = config.timelockDelaySeconds;
  if (delay >= HOUR) return [];
  if (MAINNETS.has(config.chainId) && !allowShortDelay) {
    throw new DeployError(
      `timelockDelaySeconds: ${delay} s on mainnet chain ${config.chainId} lets admin actions land before anyone ` +
        `can react; set at least ${HOUR} (1 hour), or give --allow-short-delay`,
    );
  }
  return [`warning: timelockDelaySeconds is ${delay} s: admin actions take effect before anyone can react`];
}
