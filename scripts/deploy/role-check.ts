/**
 * The role holders as the chain sees them, before anything is sent: an address declared a Safe must be one
 * (code that answers getThreshold() and getOwners()), an address declared an EOA must have no contract code, and
 * the deployer holds no role at all (it hands everything over and keeps nothing).
 */
import { isAddressEqual, parseAbi, type Address, type Chain, type PublicClient, type Transport } from 'viem';
import { roleHolders, type DeployConfig, type RoleName } from '../../lib/deployments/deploy-config';
import { DeployError } from './deploy-error';

const safeAbi = parseAbi([
  'function getThreshold() view returns (uint256)',
  'function getOwners() view returns (address[])',
]);

/** The roles production wants behind a multisig. */
const MULTISIG_ROLES: readonly string[] = ['admin', 'timelockProposer'] satisfies RoleName[];

/** EIP-7702: an EOA that delegates to code carries 0xef0100 ‖ address, and is still an EOA with its key. */
const isDelegation = (code: string) => code.toLowerCase().startsWith('0xef0100') && code.length === 2 + 46;

/**
 * One line per role saying what its holder is on chain (e.g. "roles.admin 0x..: Safe, 2 of 3 owners"), and a line
 * starting "warning:" after each holder production should not have.
 */
export async function checkRoleHolders(
  client: PublicClient<Transport, Chain>,
  config: DeployConfig,
  deployer: Address,
): Promise<string[]> {
  const lines: string[] = [];
  for (const { role, holder } of roleHolders(config)) {
    const field = `roles.${role}`;
    if (isAddressEqual(holder.address, deployer)) {
      throw new DeployError(`${field}: ${holder.address} is the deployer, which must hold no role once deployed`);
    }
    const code = (await client.getCode({ address: holder.address })) ?? '0x';
    const hasCode = code !== '0x' && !isDelegation(code);
    if (holder.kind === 'eoa' && hasCode) {
      throw new DeployError(`${field}: declared an EOA, but ${holder.address} has contract code`);
    }
    if (holder.kind === 'safe') {
      if (!hasCode) throw new DeployError(`${field}: declared a Safe, but ${holder.address} has no contract code`);
      let threshold: bigint;
      let owners: readonly Address[];
      try {
        [threshold, owners] = await Promise.all([
          client.readContract({ address: holder.address, abi: safeAbi, functionName: 'getThreshold' }),
          client.readContract({ address: holder.address, abi: safeAbi, functionName: 'getOwners' }),
        ]);
      } catch {
        throw new DeployError(
          `${field}: declared a Safe, but ${holder.address} does not answer getThreshold()/getOwners()`,
        );
      }
      if (threshold < 1n || threshold > BigInt(owners.length)) {
        throw new DeployError(
          `${field}: the Safe ${holder.address} has threshold ${threshold} of ${owners.length} owners`,
        );
      }
      lines.push(`${field} ${holder.address}: Safe, ${threshold} of ${owners.length} owners`);
      if (threshold === 1n && MULTISIG_ROLES.includes(role)) {
        // Any one owner's key is then the role: a multisig in name only.
        lines.push(
          `warning: ${field} is a 1-of-${owners.length} Safe: any one owner's key acts alone; raise its threshold`,
        );
      }
    } else {
      lines.push(`${field} ${holder.address}: ${hasCode ? 'a contract' : 'an account without code'}`);
    }
  }
  return lines;
}

/** The roles production wants behind a multisig, when the config does not say they are one. */
export function multisigWarnings(config: DeployConfig): string[] {
  return (MULTISIG_ROLES as RoleName[])
    .filter((role) => config.roles[role]?.kind !== 'safe')
    .map((role) => `warning: roles.${role} is not declared a Safe ("kind": "safe"); in production it should be one`);
}
