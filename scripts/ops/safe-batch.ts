/**
 * A batch for a Safe multisig, as the Safe{Wallet} Transaction Builder app imports it ("Drag and drop a JSON
 * file"): safe-global/safe-react-apps, apps/tx-builder (typings/models.ts BatchFile, lib/checksum.ts). Every
 * transaction carries its calldata (`data`, which the app executes as given) and, for the signers reading the
 * file, the decoded method and its inputs.
 */
import {
  encodeFunctionData,
  getAbiItem,
  keccak256,
  stringToHex,
  type Abi,
  type AbiFunction,
  type AbiParameter,
  type Address,
  type Hex,
} from 'viem';

/** The Transaction Builder release whose format and checksum this follows (apps/tx-builder/package.json). */
export const TX_BUILDER_VERSION = '1.18.2';

type ContractInput = { internalType: string; name: string; type: string; components?: readonly AbiParameter[] };

export type SafeBatchTransaction = {
  to: Address;
  value: string;
  data: Hex;
  contractMethod?: { inputs: ContractInput[]; name: string; payable: boolean };
  contractInputsValues?: Record<string, string>;
};

export type SafeBatchFile = {
  version: '1.0';
  chainId: string;
  createdAt: number;
  meta: {
    name: string;
    description: string;
    txBuilderVersion: string;
    createdFromSafeAddress: string;
    createdFromOwnerAddress: string;
    checksum?: Hex;
  };
  transactions: SafeBatchTransaction[];
};

/** One contract call of a batch; the same shape the plan simulates and sends. */
export type BatchCall = { to: Address; abi: Abi; functionName: string; args: readonly unknown[] };

/** tx-builder's serializer: keys sorted at every level, undefined as null, arrays in order (lib/checksum.ts). */
function serialize(json: unknown): string {
  const replacer = (_: string, value: unknown) => (value === undefined ? null : value);
  if (Array.isArray(json)) return `[${json.map((el) => serialize(el)).join(',')}]`;
  if (typeof json === 'object' && json !== null) {
    const record = json as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    let acc = `{${JSON.stringify(keys, replacer)}`;
    for (const key of keys) acc += `${serialize(record[key])},`;
    return `${acc}}`;
  }
  return `${JSON.stringify(json, replacer)}`;
}

/**
 * The checksum the Transaction Builder computes of a batch (and checks on import, warning "this file was modified"
 * when it differs): keccak-256 of the serialized file with meta.name set to null (renaming a batch keeps it valid).
 */
export function safeBatchChecksum(file: { meta: object }): Hex {
  return keccak256(stringToHex(serialize({ ...file, meta: { ...file.meta, name: null } })));
}

/** The app's own validation on import: the checksum of the file without its checksum field. */
export function hasValidChecksum(file: SafeBatchFile): boolean {
  const { checksum, ...meta } = file.meta;
  return checksum !== undefined && safeBatchChecksum({ ...file, meta }) === checksum;
}

/** An argument as the Transaction Builder shows inputs: strings, never JSON numbers; tuples as arrays. */
function inputValue(param: AbiParameter, value: unknown): string {
  const plain = (p: AbiParameter, v: unknown): unknown => {
    if (p.type.endsWith(']')) {
      const element = { ...p, type: p.type.slice(0, p.type.lastIndexOf('[')) } as AbiParameter;
      return (v as readonly unknown[]).map((item) => plain(element, item));
    }
    if (p.type === 'tuple' && 'components' in p) {
      return p.components.map((c, i) =>
        plain(c, Array.isArray(v) ? v[i] : (v as Record<string, unknown>)[c.name ?? String(i)]),
      );
    }
    return typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  };
  const result = plain(param, value);
  return typeof result === 'string' ? result : JSON.stringify(result);
}

export function toSafeTransaction(call: BatchCall): SafeBatchTransaction {
  const data = encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args });
  const fn = getAbiItem({ abi: call.abi, name: call.functionName, args: call.args }) as AbiFunction;
  const inputs = fn.inputs.map((p, i) => ({
    internalType: p.internalType ?? p.type,
    name: p.name || `arg${i}`,
    type: p.type,
    ...('components' in p ? { components: p.components } : {}),
  }));
  return {
    to: call.to,
    value: '0',
    data,
    contractMethod: { inputs, name: fn.name, payable: fn.stateMutability === 'payable' },
    contractInputsValues: Object.fromEntries(inputs.map((p, i) => [p.name, inputValue(fn.inputs[i]!, call.args[i])])),
  };
}

export function buildSafeBatch(opts: {
  chainId: number;
  safe: Address;
  name: string;
  description: string;
  calls: readonly BatchCall[];
  createdAt?: number;
}): SafeBatchFile {
  const file: SafeBatchFile = {
    version: '1.0',
    chainId: String(opts.chainId),
    createdAt: opts.createdAt ?? Date.now(),
    meta: {
      name: opts.name,
      description: opts.description,
      txBuilderVersion: TX_BUILDER_VERSION,
      createdFromSafeAddress: opts.safe,
      createdFromOwnerAddress: '',
    },
    transactions: opts.calls.map(toSafeTransaction),
  };
  return { ...file, meta: { ...file.meta, checksum: safeBatchChecksum(file) } };
}
