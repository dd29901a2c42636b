import { decodeFunctionData, getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { financingPoolAbi, mockUsdcAbi } from '../../lib/contracts/abis';
import {
  buildSafeBatch,
  hasValidChecksum,
  safeBatchChecksum,
  TX_BUILDER_VERSION,
  type SafeBatchFile,
} from './safe-batch';

/** safe-global/safe-react-apps apps/tx-builder/src/lib/checksum.test.js: the app's own example and its checksum. */
const published = {
  version: '1.0',
  chainId: '4',
  createdAt: 1646321521061,
  meta: {
    name: 'test batch file',
    txBuilderVersion: '1.4.0',
    checksum: '',
    createdFromSafeAddress: '0xDF8a1Ce35c9a6ACE153B4e0767942f1E2291a1Aa',
    createdFromOwnerAddress: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6',
  },
  transactions: [
    {
      to: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6',
      value: '0',
      contractMethod: {
        inputs: [{ internalType: 'address', name: 'paramAddress', type: 'address' }],
        name: 'testAddress',
        payable: false,
      },
      contractInputsValues: { paramAddress: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6' },
    },
    {
      to: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6',
      value: '0',
      contractMethod: {
        inputs: [{ internalType: 'bool', name: 'paramBool', type: 'bool' }],
        name: 'testBool',
        payable: false,
      },
      contractInputsValues: { paramAddress: '', paramBool: 'false' },
    },
    {
      to: '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6',
      value: '2000000000000000000',
      data: '0x42f4579000000000000000000000000049d4450977e2c95362c13d3a31a09311e0ea26a6',
    },
  ],
};

const SAFE = getAddress('0x5afe5afe5afe5afe5afe5afe5afe5afe5afe5afe');
const USDC = getAddress('0x833589fcd6edb6e08f4c7c32d4f71b54bda02913');
const POOL = getAddress('0x1111111111111111111111111111111111111111');

describe('Safe Transaction Builder batches', () => {
  it("computes the Transaction Builder's checksum of its published example", () => {
    expect(safeBatchChecksum(published)).toBe('0x4ecbfd364aa6759983915644e73f8bd411e85a2dc306f252a387c2728c4db64c');
    // Key order does not matter, the batch name does not count, the transactions' order does.
    const reordered = {
      transactions: published.transactions,
      meta: { ...published.meta, name: 'renamed' },
      createdAt: published.createdAt,
      chainId: '4',
      version: '1.0',
    };
    expect(safeBatchChecksum(reordered)).toBe(safeBatchChecksum(published));
    const reversed = { ...published, transactions: [...published.transactions].reverse() };
    expect(safeBatchChecksum(reversed)).not.toBe(safeBatchChecksum(published));
  });

  it('writes the calls with their calldata, decoded method and inputs, and a checksum the app accepts', () => {
    const batch = buildSafeBatch({
      chainId: 8453,
      safe: SAFE,
      name: 'Distribute revenue',
      description: '1. approve\n2. distribute',
      createdAt: 1_700_000_000_000,
      calls: [
        { to: USDC, abi: mockUsdcAbi, functionName: 'approve', args: [POOL, 20_500_500_000n] },
        {
          to: POOL,
          abi: financingPoolAbi,
          functionName: 'distributeRevenueBatch',
          args: [[{ assetId: 1n, amount: 12_500_500_000n, periodStart: 1_740_787_200n, periodEnd: 1_741_392_000n }]],
        },
      ],
    });
    expect(batch).toMatchObject({
      version: '1.0',
      chainId: '8453',
      createdAt: 1_700_000_000_000,
      meta: {
        name: 'Distribute revenue',
        description: '1. approve\n2. distribute',
        txBuilderVersion: TX_BUILDER_VERSION,
        createdFromSafeAddress: SAFE,
        createdFromOwnerAddress: '',
      },
    });
    const [approve, distribute] = batch.transactions;
    expect(approve).toEqual({
      to: USDC,
      value: '0',
      data: expect.stringMatching(/^0x095ea7b3/),
      contractMethod: {
        name: 'approve',
        payable: false,
        inputs: [
          { internalType: 'address', name: 'spender', type: 'address' },
          { internalType: 'uint256', name: 'value', type: 'uint256' },
        ],
      },
      contractInputsValues: { spender: POOL, value: '20500500000' },
    });
    expect(decodeFunctionData({ abi: financingPoolAbi, data: distribute!.data }).args).toEqual([
      [{ assetId: 1n, amount: 12_500_500_000n, periodStart: 1_740_787_200n, periodEnd: 1_741_392_000n }],
    ]);
    // Numbers as strings (the app refuses JSON numbers), tuples as arrays in component order.
    expect(distribute!.contractInputsValues).toEqual({
      distributions: '[["1","12500500000","1740787200","1741392000"]]',
    });

    const onDisk = JSON.parse(JSON.stringify(batch)) as SafeBatchFile;
    expect(hasValidChecksum(onDisk)).toBe(true);
    expect(hasValidChecksum({ ...onDisk, meta: { ...onDisk.meta, name: 'renamed by a signer' } })).toBe(true);
    const tampered = {
      ...onDisk,
      transactions: [{ ...approve!, contractInputsValues: { spender: POOL, value: '1' } }, distribute!],
    };
    expect(hasValidChecksum(tampered)).toBe(false);
  });
});
