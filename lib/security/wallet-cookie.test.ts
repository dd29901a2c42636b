import { foundry } from 'viem/chains';
import { describe, expect, it } from 'vitest';
import { cookieStorage, cookieToInitialState, createConfig, createStorage, http, serialize } from 'wagmi';
import { WAGMI_STATE_COOKIE, walletConnectedInCookie, walletStateCookie } from './wallet-cookie';

const state = serialize({
  state: {
    chainId: 31337,
    current: 'io.metamask',
    connections: new Map([
      [
        'io.metamask',
        {
          accounts: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
          chainId: 31337,
          connector: { id: 'io.metamask', name: 'MetaMask', type: 'injected', uid: 'io.metamask' },
        },
      ],
    ]),
  },
  version: 2,
});

describe('walletStateCookie', () => {
  it('keeps wagmi’s state cookie and drops every other cookie of the request', () => {
    const header = `session=secret-value; ${WAGMI_STATE_COOKIE}=${state}; other=x; wagmi.recentConnectorId="io.metamask"`;
    expect(walletStateCookie(header)).toBe(`${WAGMI_STATE_COOKIE}=${state}`);
    expect(walletStateCookie(header)).not.toContain('secret-value');
  });

  it('is null without a header, without wagmi’s cookie, or with an empty one', () => {
    expect(walletStateCookie(null)).toBeNull();
    expect(walletStateCookie(undefined)).toBeNull();
    expect(walletStateCookie('')).toBeNull();
    expect(walletStateCookie('session=secret-value; other=x')).toBeNull();
    expect(walletStateCookie(`${WAGMI_STATE_COOKIE}=`)).toBeNull();
  });

  it('does not take a cookie whose name only starts or ends like wagmi’s', () => {
    expect(walletStateCookie(`x${WAGMI_STATE_COOKIE}=1; ${WAGMI_STATE_COOKIE}x=2`)).toBeNull();
    expect(walletStateCookie(`${WAGMI_STATE_COOKIE}.evil=1`)).toBeNull();
  });

  it('takes the first occurrence, as wagmi does, and tolerates missing spaces', () => {
    expect(walletStateCookie(`a=1;${WAGMI_STATE_COOKIE}=first;${WAGMI_STATE_COOKIE}=second`)).toBe(
      `${WAGMI_STATE_COOKIE}=first`,
    );
  });

  it('gives wagmi the same initial state as the whole header did: the name is the one wagmi reads', () => {
    // Configured as lib/wallet/wagmi-config.ts does: cookie storage under wagmi's default key.
    const config = createConfig({
      chains: [foundry],
      transports: { [foundry.id]: http('http://127.0.0.1:8545') },
      ssr: true,
      storage: createStorage({ storage: cookieStorage }),
    });
    const header = `theme=dark; session=secret-value; ${WAGMI_STATE_COOKIE}=${state}; other=x`;
    const fromWhole = cookieToInitialState(config, header);
    expect(fromWhole?.current).toBe('io.metamask');
    expect(cookieToInitialState(config, walletStateCookie(header))).toEqual(fromWhole);
  });
});

describe('walletConnectedInCookie', () => {
  it('is true for a cookie that records a connection, as written or URI-encoded', () => {
    expect(walletConnectedInCookie(`${WAGMI_STATE_COOKIE}=${state}`)).toBe(true);
    expect(walletConnectedInCookie(`${WAGMI_STATE_COOKIE}=${encodeURIComponent(state)}`)).toBe(true);
  });

  it('is false without a cookie, after a disconnect, and for anything malformed', () => {
    const disconnected = serialize({ state: { chainId: 31337, current: null, connections: new Map() }, version: 2 });
    for (const cookie of [
      null,
      `${WAGMI_STATE_COOKIE}=${disconnected}`,
      `${WAGMI_STATE_COOKIE}={"state":{"current":""}}`,
      `${WAGMI_STATE_COOKIE}=%E0%A4%A`,
      `${WAGMI_STATE_COOKIE}=not json`,
      `${WAGMI_STATE_COOKIE}={"state":{"current":{"x":1}}}`,
    ]) {
      expect(walletConnectedInCookie(cookie), String(cookie)).toBe(false);
    }
  });
});
