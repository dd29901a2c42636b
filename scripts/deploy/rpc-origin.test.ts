/** RPC URLs carry providers' API keys in their path or query: the deploy prints their origin only. */
import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../lib/deployments/deploy-config';
import { rpcOrigin } from './connection';
import { deploySummary } from './summary';

const KEYED = 'https://base-mainnet.g.alchemy.com/v2/SECRETKEY?x=SECRET2';
const someone = '0x00000000000000000000000000000000000000a1';

describe('rpcOrigin', () => {
  it('keeps the origin and hides the path and the query', () => {
    expect(rpcOrigin(KEYED)).toBe('https://base-mainnet.g.alchemy.com/…');
    expect(rpcOrigin('http://127.0.0.1:8545')).toBe('http://127.0.0.1:8545');
    expect(rpcOrigin('https://user:pass@rpc.example')).toBe('https://rpc.example/…');
  });

  it('the summary names the RPC by its origin', () => {
    const config = parseDeployConfig({
      chainId: 8453,
      usdc: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
      protocolFeeBps: 1000,
      revenueStreamDays: 7,
      timelockDelaySeconds: 172800,
      roles: Object.fromEntries(
        ['admin', 'timelockProposer', 'guardian', 'manager', 'reporter', 'compliance', 'registrar', 'treasury'].map(
          (role) => [role, someone],
        ),
      ),
    });
    const at = { address: someone, deployedOnBlock: 1 } as const;
    const manifest = {
      chainId: 8453,
      startBlock: 1,
      contracts: { USDC: at, HardwareAssetRegistry: at, PoolFactory: at, FinancingPools: [] },
    };
    const text = deploySummary(manifest, config, 'deployments/8453.json', KEYED).join('\n');
    expect(text).toContain('https://base-mainnet.g.alchemy.com/…');
    expect(text).not.toMatch(/SECRET/);
  });
});
