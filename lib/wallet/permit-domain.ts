import { domainSeparator, parseAbi, type Address, type Hex, type TypedDataDomain } from 'viem';

/**
 * What a token may expose of its EIP-712 domain. OpenZeppelin tokens answer ERC-5267's `eip712Domain()`;
 * Circle's USDC (FiatToken v2) does not, and gives `name()`, `version()` and `DOMAIN_SEPARATOR()` instead.
 */
export const permitTokenAbi = parseAbi([
  'function eip712Domain() view returns (bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)',
  'function name() view returns (string)',
  'function version() view returns (string)',
  'function DOMAIN_SEPARATOR() view returns (bytes32)',
  'function nonces(address owner) view returns (uint256)',
]);

export class PermitUnsupportedError extends Error {
  constructor(reason: string) {
    super(`This token does not take a permit signature (${reason}): untick the permit option to approve instead.`);
    this.name = 'PermitUnsupportedError';
  }
}

/** Reads one view function of the token; rejects when the token has no such function. */
export type PermitTokenReader = {
  eip712Domain(): Promise<readonly [Hex, string, string, bigint, Address, Hex, readonly bigint[]]>;
  name(): Promise<string>;
  version(): Promise<string>;
  domainSeparator(): Promise<Hex>;
};

/**
 * The domain a permit for `token` must be signed in. A signature in the wrong domain is not an error the
 * wallet can show: the deposit would revert on chain after the user signed. So a domain pieced together from
 * name() and version() is used only when it hashes to the token's own DOMAIN_SEPARATOR().
 */
export async function resolvePermitDomain(
  read: PermitTokenReader,
  token: Address,
  chainId: number,
): Promise<TypedDataDomain> {
  const announced = await read.eip712Domain().catch(() => undefined);
  if (announced) {
    const [, name, version, domainChainId, verifyingContract] = announced;
    if (domainChainId !== BigInt(chainId) || verifyingContract.toLowerCase() !== token.toLowerCase()) {
      throw new PermitUnsupportedError('its EIP-712 domain names another chain or contract');
    }
    return { name, version, chainId, verifyingContract: token };
  }
  const [name, version, separator] = await Promise.all([
    read.name(),
    read.version().catch(() => undefined),
    read.domainSeparator().catch(() => undefined),
  ]);
  if (version === undefined || separator === undefined) throw new PermitUnsupportedError('no EIP-712 domain');
  const domain = { name, version, chainId, verifyingContract: token };
  if (domainSeparator({ domain }) !== separator) {
    throw new PermitUnsupportedError('its DOMAIN_SEPARATOR does not match its name and version');
  }
  return domain;
}
