import { encodeFunctionData } from 'viem';
import { describe, expect, it } from 'vitest';
import { financingPoolAbi, poolFactoryAbi } from '../../../lib/contracts/abis';
import { decodeCall } from '../../src/call-data';

describe('timelock call data', () => {
  it('names a pool call and gives its arguments as JSON, amounts as decimal strings', () => {
    const data = encodeFunctionData({
      abi: financingPoolAbi,
      functionName: 'setAssetLimit',
      args: [7n, 12_345_678_901_234_567_890n],
    });
    expect(decodeCall(data)).toEqual({ functionName: 'setAssetLimit', args: '["7","12345678901234567890"]' });
  });

  it('names a factory call', () => {
    const data = encodeFunctionData({
      abi: poolFactoryAbi,
      functionName: 'grantRole',
      args: [`0x${'00'.repeat(32)}`, '0x000000000000000000000000000000000000dEaD'],
    });
    expect(decodeCall(data).functionName).toBe('grantRole');
  });

  it('leaves data no ABI knows undecoded', () => {
    expect(decodeCall('0xdeadbeef00')).toEqual({ functionName: null, args: null });
    expect(decodeCall('0x')).toEqual({ functionName: null, args: null });
  });
});
