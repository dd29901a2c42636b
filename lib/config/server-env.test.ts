import { describe, expect, it, vi } from 'vitest';
import { browserChainSettings, servedChain, serverEnv } from './server-env';

vi.mock('server-only', () => ({}));

describe('the chains the app serves, from the environment', () => {
  it('is the local chain on its local RPC with nothing set', () => {
    const env = serverEnv({});
    expect(env.chains).toEqual([{ id: 31337, rpcUrl: 'http://127.0.0.1:8545', publicRpcUrl: 'http://127.0.0.1:8545' }]);
    expect(env.CHAIN_ID).toBe(31337);
  });

  it('keeps a single-chain deployment’s CHAIN_ID, RPC_URL and PUBLIC_RPC_URL', () => {
    const env = serverEnv({
      CHAIN_ID: '84532',
      RPC_URL: 'http://10.0.0.5:8545',
      PUBLIC_RPC_URL: 'https://base-sepolia.example.com/KEY',
    });
    expect(env.chains).toEqual([
      { id: 84532, rpcUrl: 'http://10.0.0.5:8545', publicRpcUrl: 'https://base-sepolia.example.com/KEY' },
    ]);
    expect(browserChainSettings(env)).toEqual([{ id: 84532, rpcUrl: 'https://base-sepolia.example.com/KEY' }]);
  });

  it('serves several chains, the first the default, each on its own RPC', () => {
    const env = serverEnv({
      CHAIN_IDS: '84532, 11155111',
      RPC_URL_84532: 'https://base-sepolia.example.com/A',
      RPC_URL_11155111: 'https://sepolia.example.org/B',
      PUBLIC_RPC_URL_11155111: 'https://public.sepolia.example.org',
    });
    expect(env.CHAIN_ID).toBe(84532);
    expect(browserChainSettings(env)).toEqual([
      { id: 84532, rpcUrl: 'https://base-sepolia.example.com/A' },
      { id: 11155111, rpcUrl: 'https://public.sepolia.example.org' },
    ]);
  });

  it('refuses what it cannot serve, naming the variable', () => {
    expect(() => serverEnv({ CHAIN_IDS: '84532,11155111' })).toThrow(/RPC_URL_11155111 is not set/);
    expect(() => serverEnv({ CHAIN_IDS: '84532,84532' })).toThrow(/listed twice/);
    expect(() => serverEnv({ CHAIN_IDS: '84532;1' })).toThrow(/comma-separated/);
    expect(() => serverEnv({ CHAIN_IDS: '0' })).toThrow(/positive/);
    expect(() => serverEnv({ CHAIN_ID: '1', CHAIN_IDS: '84532,1', RPC_URL_1: 'https://x.example' })).toThrow(
      /CHAIN_ID \(1\) must be the first of CHAIN_IDS/,
    );
    expect(() => serverEnv({ CHAIN_IDS: '84532', RPC_URL_84532: 'not a url' })).toThrow(/RPC_URL_84532 is not a URL/);
  });

  it('reads `?chain=` as one of the served chains, the default when absent, nothing for anything else', () => {
    const env = serverEnv({ CHAIN_IDS: '84532,11155111', RPC_URL_11155111: 'https://sepolia.example.org' });
    expect(servedChain(undefined, env)?.id).toBe(84532);
    expect(servedChain('11155111', env)?.id).toBe(11155111);
    for (const hostile of ['1', '', '84532 ', '0x14a34', '-1', '1e3', ['84532', '11155111'], '9'.repeat(40)]) {
      expect(servedChain(hostile, env)).toBeUndefined();
    }
  });
});

describe('who may frame the app as a Safe app', () => {
  it('is Safe{Wallet} by default, the origins named, or no one', () => {
    expect(serverEnv({}).safeAppOrigins).toEqual(['https://app.safe.global']);
    expect(
      serverEnv({ SAFE_APP_ORIGINS: 'https://app.safe.global, https://safe.example.org:8443' }).safeAppOrigins,
    ).toEqual(['https://app.safe.global', 'https://safe.example.org:8443']);
    expect(serverEnv({ SAFE_APP_ORIGINS: 'none' }).safeAppOrigins).toEqual([]);
  });

  it('refuses anything but https origins: a path, a wildcard or a directive would widen the frame rule', () => {
    for (const bad of [
      'http://app.safe.global',
      'https://*.example.org',
      "'self'",
      'https://a.org/path',
      'https://a.org; script-src *',
    ]) {
      expect(() => serverEnv({ SAFE_APP_ORIGINS: bad }), bad).toThrow(/SAFE_APP_ORIGINS/);
    }
  });
});
