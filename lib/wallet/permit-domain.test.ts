import { domainSeparator, type Address, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { PermitUnsupportedError, resolvePermitDomain, type PermitTokenReader } from './permit-domain';

const token: Address = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';
const chainId = 84532;
const missing = () => Promise.reject(new Error('execution reverted'));

/** Circle's FiatToken v2: no ERC-5267, a version() and a DOMAIN_SEPARATOR() instead. */
function fiatToken(name: string, version: string, separatorOf = { name, version }): PermitTokenReader {
  const separator = domainSeparator({ domain: { ...separatorOf, chainId, verifyingContract: token } });
  return {
    eip712Domain: missing,
    name: async () => name,
    version: async () => version,
    domainSeparator: async () => separator,
  };
}

describe('resolvePermitDomain', () => {
  it("takes an OpenZeppelin token's ERC-5267 domain", async () => {
    const read: PermitTokenReader = {
      eip712Domain: async () => [
        '0x0f' as Hex,
        'USD Coin (Mock)',
        '1',
        BigInt(chainId),
        token,
        `0x${'0'.repeat(64)}`,
        [],
      ],
      name: missing,
      version: missing,
      domainSeparator: missing,
    };
    await expect(resolvePermitDomain(read, token, chainId)).resolves.toEqual({
      name: 'USD Coin (Mock)',
      version: '1',
      chainId,
      verifyingContract: token,
    });
  });

  it("builds USDC's domain from name() and version() when it matches DOMAIN_SEPARATOR()", async () => {
    await expect(resolvePermitDomain(fiatToken('USDC', '2'), token, chainId)).resolves.toEqual({
      name: 'USDC',
      version: '2',
      chainId,
      verifyingContract: token,
    });
  });

  it('refuses a domain that does not hash to the token separator, before anything is signed', async () => {
    const read = fiatToken('USDC', '2', { name: 'USD Coin', version: '2' });
    await expect(resolvePermitDomain(read, token, chainId)).rejects.toBeInstanceOf(PermitUnsupportedError);
  });

  it('refuses a token with no EIP-712 domain at all, naming the way out', async () => {
    const read: PermitTokenReader = {
      eip712Domain: missing,
      name: async () => 'Plain',
      version: missing,
      domainSeparator: missing,
    };
    await expect(resolvePermitDomain(read, token, chainId)).rejects.toThrow(/approve instead/);
  });

  it('refuses an ERC-5267 domain for another chain', async () => {
    const read: PermitTokenReader = {
      eip712Domain: async () => ['0x0f' as Hex, 'USDC', '2', 1n, token, `0x${'0'.repeat(64)}`, []],
      name: missing,
      version: missing,
      domainSeparator: missing,
    };
    await expect(resolvePermitDomain(read, token, chainId)).rejects.toThrow(/another chain/);
  });
});
