import { describe, expect, it } from 'vitest';
import { claimConnectRequest, requestWallet } from './wallet-demand';

describe('wallet demand', () => {
  it('opens the connect modal once, in the island whose button was pressed', () => {
    requestWallet('header');
    expect(claimConnectRequest('panel')).toBe(false);
    expect(claimConnectRequest('header')).toBe(true);
    // A re-run effect, or the same island again, does not open a second modal.
    expect(claimConnectRequest('header')).toBe(false);
  });

  it('keeps a pending request when another part only asks for the wallet to load', () => {
    requestWallet('panel');
    requestWallet();
    expect(claimConnectRequest('panel')).toBe(true);
  });
});
