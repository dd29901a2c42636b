import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { parseDeployConfig, readDeployConfig, roleHolders } from './deploy-config';

const at = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const valid = () => ({
  chainId: 84532,
  usdc: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
  protocolFeeBps: 1000,
  revenueStreamDays: 7,
  timelockDelaySeconds: 3600,
  roles: {
    admin: { address: at(0xa1), kind: 'safe' },
    timelockProposer: { address: at(0xa2), kind: 'safe' },
    guardian: { address: at(0xa3), kind: 'eoa' },
    manager: at(0xa4),
    reporter: at(0xa5),
    compliance: at(0xa6),
    registrar: at(0xa7),
    treasury: at(0xa8),
  } as Record<string, unknown>,
});

/** The error of a config changed by `edit`. */
function errorOf(edit: (config: ReturnType<typeof valid> & Record<string, unknown>) => void): string {
  const config = valid() as ReturnType<typeof valid> & Record<string, unknown>;
  edit(config);
  try {
    parseDeployConfig(config);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('parseDeployConfig', () => {
  it('accepts a full config: roles as bare addresses or { address, kind }, checksummed', () => {
    const config = parseDeployConfig(valid());
    expect(config.roles.admin).toEqual({ address: getAddress(at(0xa1)), kind: 'safe' });
    expect(config.roles.manager).toEqual({ address: getAddress(at(0xa4)), kind: 'unspecified' });
    expect(config.roles.timelockExecutor).toBeUndefined();
    expect(roleHolders(config).map((r) => r.role)).toHaveLength(8);
  });

  it.each([
    ['chainId', (c: Record<string, unknown>) => delete c.chainId, /^deploy config: chainId: is missing$/],
    ['chainId', (c: Record<string, unknown>) => (c.chainId = '84532'), /chainId: must be a number/],
    ['chainId', (c: Record<string, unknown>) => (c.chainId = -1), /chainId: must be positive/],
    ['usdc', (c: Record<string, unknown>) => (c.usdc = '0x1234'), /usdc: is not an address/],
    // A wrong mixed-case checksum is a typo somewhere in the address.
    ['usdc', (c: Record<string, unknown>) => (c.usdc = '0x036cbd53842c5426634e7929541eC2318f3dCF7e'), /usdc: .*checksum/],
    ['usdc', (c: Record<string, unknown>) => (c.usdc = at(0)), /usdc: is the zero address, a placeholder: fill in/],
    ['protocolFeeBps', (c: Record<string, unknown>) => (c.protocolFeeBps = 2001), /protocolFeeBps: must be at most 2000/],
    ['protocolFeeBps', (c: Record<string, unknown>) => (c.protocolFeeBps = 10.5), /protocolFeeBps: must be a whole/],
    ['revenueStreamDays', (c: Record<string, unknown>) => (c.revenueStreamDays = 0), /revenueStreamDays: must be at least 1/],
    ['revenueStreamDays', (c: Record<string, unknown>) => (c.revenueStreamDays = 91), /revenueStreamDays: must be at most 90/],
    ['timelockDelaySeconds', (c: Record<string, unknown>) => (c.timelockDelaySeconds = -5), /timelockDelaySeconds: must not be negative/],
    ['timelockDelaySeconds', (c: Record<string, unknown>) => (c.timelockDelaySeconds = 1e9), /timelockDelaySeconds: must be at most/],
    ['an unknown field', (c: Record<string, unknown>) => (c.protocolFee = 1), /unknown field protocolFee/],
  ])('names %s when it is wrong', (_, edit, message) => {
    expect(errorOf(edit as (c: Record<string, unknown>) => void)).toMatch(message);
  });

  it.each(['admin', 'timelockProposer', 'guardian', 'manager', 'reporter', 'compliance', 'registrar', 'treasury'])(
    'names roles.%s when it is missing, a placeholder, malformed or of an unknown kind',
    (role) => {
      expect(errorOf((c) => delete c.roles[role])).toMatch(new RegExp(`roles\\.${role}: is missing`));
      expect(errorOf((c) => (c.roles[role] = at(0)))).toMatch(
        new RegExp(`roles\\.${role}: is the zero address, a placeholder: fill in the real address`),
      );
      expect(errorOf((c) => (c.roles[role] = { address: at(0), kind: 'safe' }))).toMatch(
        new RegExp(`roles\\.${role}\\.address: is the zero address`),
      );
      expect(errorOf((c) => (c.roles[role] = 42))).toMatch(new RegExp(`roles\\.${role}: must be an address or`));
      expect(errorOf((c) => (c.roles[role] = { address: at(1), kind: 'multisig' }))).toMatch(
        new RegExp(`roles\\.${role}\\.kind: must be "safe" or "eoa"`),
      );
      expect(errorOf((c) => (c.roles[role] = { address: at(1), owner: at(2) }))).toMatch(
        new RegExp(`roles\\.${role}: unknown field owner`),
      );
    },
  );

  it('takes an optional timelock executor, and names an unknown role', () => {
    const config = valid();
    config.roles.timelockExecutor = at(0xe1);
    expect(parseDeployConfig(config).roles.timelockExecutor?.address).toBe(getAddress(at(0xe1)));
    expect(errorOf((c) => (c.roles.pauser = at(3)))).toMatch(/roles: unknown field pauser/);
  });

  it('reports every problem at once', () => {
    const message = errorOf((c) => {
      c.protocolFeeBps = 9999;
      c.roles.treasury = at(0);
    });
    expect(message).toMatch(/protocolFeeBps: .*; roles\.treasury: /);
  });
});

describe('the example configs', () => {
  it.each([
    ['deploy/base-sepolia.example.json', 84532, '0x036CbD53842c5426634e7929541eC2318f3dCF7e'],
    ['deploy/base.example.json', 8453, '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913'],
  ])('%s names its chain’s USDC and is refused until its roles are filled in', (file, chainId, usdc) => {
    expect(() => readDeployConfig(file)).toThrow(/roles\.admin\.address: is the zero address, a placeholder: fill in/);
    const example = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(example.chainId).toBe(chainId);
    expect(example.usdc).toBe(usdc);
    let n = 0xb0;
    for (const [role, holder] of Object.entries(example.roles)) {
      example.roles[role] = typeof holder === 'string' ? at(++n) : { ...(holder as object), address: at(++n) };
    }
    const filled = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-config-')), 'filled.json');
    fs.writeFileSync(filled, JSON.stringify(example));
    expect(readDeployConfig(filled).roles.admin.kind).toBe('safe');
  });

  it('says which file is not JSON', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-config-')), 'broken.json');
    fs.writeFileSync(file, '{ "chainId": 1,');
    expect(() => readDeployConfig(file)).toThrow(/broken\.json: not valid JSON/);
    expect(() => readDeployConfig('/nonexistent/deploy.json')).toThrow(/--config: cannot read/);
  });
});
