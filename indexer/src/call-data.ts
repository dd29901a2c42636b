/** Call data of a scheduled timelock call, decoded for people: no handler lives here. */
import { decodeFunctionData, type Abi, type Hex } from 'viem';
import {
  financingPoolAbi,
  hardwareAssetRegistryAbi,
  poolFactoryAbi,
  protocolTimelockAbi,
  tranchedPoolAbi,
} from '../../lib/contracts/abis';

// A selector shared by several (grantRole, ...) decodes the same way in each.
const ABIS: readonly Abi[] = [
  financingPoolAbi,
  poolFactoryAbi,
  hardwareAssetRegistryAbi,
  protocolTimelockAbi,
  tranchedPoolAbi,
];

/** The call's function and arguments as JSON (bigints as decimal strings); nulls when no ABI knows it. */
export function decodeCall(data: Hex): { functionName: string | null; args: string | null } {
  for (const abi of ABIS) {
    try {
      const { functionName, args } = decodeFunctionData({ abi, data });
      return {
        functionName,
        args: JSON.stringify(args ?? [], (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
      };
    } catch {
      // Not this contract's function: try the next.
    }
  }
  return { functionName: null, args: null };
}
