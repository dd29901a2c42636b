import { describe, expect, it } from 'vitest';
import { assetHref, poolHref, projectHref } from './chain-routes';

describe('links to things on a chain', () => {
  it('name the chain, so the same address on two chains gets two links', () => {
    const address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
    expect(poolHref(84532, address)).toBe(`/pools/${address}?chain=84532`);
    expect(poolHref(11155111, address)).not.toBe(poolHref(84532, address));
    expect(assetHref(84532, 7n)).toBe('/assets/7?chain=84532');
    expect(projectHref(8453, 2n)).toBe('/projects/2?chain=8453');
  });

  it('keep the chain first and add a page’s own parameters after it', () => {
    expect(poolHref(84532, '0xabc', { interval: 'week', range: '90' })).toBe(
      '/pools/0xabc?chain=84532&interval=week&range=90',
    );
    expect(assetHref(1, 3n, { interval: 'month', unset: undefined })).toBe('/assets/3?chain=1&interval=month');
  });

  it('checksum a pool’s address, so a pool has one URL', () => {
    expect(poolHref(1, '0x5fbdb2315678afecb367f032d93f642f64180aa3')).toBe(
      '/pools/0x5FbDB2315678afecb367f032d93F642f64180aa3?chain=1',
    );
  });

  it('leave the chain out when a row does not say it (an older indexer of one chain)', () => {
    expect(poolHref(undefined, '0xabc')).toBe('/pools/0xabc');
  });
});
