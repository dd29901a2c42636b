import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  assetBodySchema,
  bigintString,
  knownKinds,
  parsePositiveId,
  projectDetailSchema,
  protocolSchema,
  redemptionSchema,
} from './wire';

describe('knownKinds', () => {
  const feed = knownKinds(
    ['deposit', 'recovery'],
    z.object({ kind: z.enum(['deposit', 'recovery']), amount: bigintString }),
  );

  it('leaves out rows of a kind the app does not know, and keeps the rest in order', () => {
    const rows = feed.parse([
      { kind: 'deposit', amount: '1' },
      { kind: 'something_new', whatever: true },
      { kind: 'recovery', amount: '2' },
    ]);
    expect(rows).toEqual([
      { kind: 'deposit', amount: 1n },
      { kind: 'recovery', amount: 2n },
    ]);
  });

  it('still refuses a known kind with a broken shape', () => {
    expect(feed.safeParse([{ kind: 'deposit', amount: 'x' }]).success).toBe(false);
  });
});

describe('redemptionSchema', () => {
  // A row as both /api/pools/:address/redemptions and /api/accounts/:address/redemptions send it.
  const row = {
    pool: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
    requestId: '3',
    owner: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
    controller: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
    requestedShares: '5000000000000000000000',
    pendingShares: '5000000000000000000000',
    filledShares: '0',
    filledAssets: '0',
    claimedAssets: '0',
    cancelledShares: '0',
    status: 'pending',
    requestedAt: '1700000000',
    requestedAtBlock: '120',
    updatedAt: '1700000000',
    txHash: '0x' + 'ab'.repeat(32),
    sharesAhead: '0',
    queuePosition: 1,
  };

  it('reads a queued request with exact amounts and checksummed addresses', () => {
    const request = redemptionSchema.parse(row);
    expect(request.owner).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    expect(request.pool).toBe('0x5FbDB2315678afecb367f032d93F642f64180aa3');
    expect(request.requestedShares).toBe(5_000n * 10n ** 18n);
    expect(request.queuePosition).toBe(1);
  });

  it('reads a request out of the queue, and one from an indexer that names no controller', () => {
    const older: Record<string, unknown> = { ...row, pendingShares: '0', status: 'claimable', queuePosition: null };
    delete older.controller;
    const request = redemptionSchema.parse(older);
    expect(request.queuePosition).toBeNull();
    expect(request.controller).toBeUndefined();
  });
});

describe('parsePositiveId', () => {
  it('takes the counters asset and project ids are, and nothing else', () => {
    expect(parsePositiveId('1')).toBe(1n);
    expect(parsePositiveId('42')).toBe(42n);
    for (const raw of ['0', '01', '-1', '1.5', 'abc', '', '1'.repeat(32)]) expect(parsePositiveId(raw)).toBeNull();
  });
});

describe('assetBodySchema', () => {
  const body = {
    asset: {
      chainId: 31337,
      id: '17',
      pool: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
      operator: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
      kind: 'gpu_cluster',
      model: 'NVIDIA B200 (8-GPU HGX)',
      units: 48,
      location: 'Austin, TX',
      status: 'active',
      deployed: '1000',
      repaid: '0',
      writtenDown: '0',
      outstanding: '1000',
      revenueNet: '10',
      lastUtilizationBps: 8200,
      registeredAt: '1700000000',
      yield30d: 0.1,
    },
    pool: null,
    statusHistory: [],
    capital: [],
  };

  it('reads the tranched pool a machine belongs to', () => {
    const tranchedPool = {
      chainId: 31337,
      address: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
      name: 'Austin B200 Inference · Tranched',
      category: 'compute',
      projectId: '2',
      projectName: 'Austin Compute',
    };
    expect(assetBodySchema.parse({ ...body, tranchedPool }).tranchedPool).toEqual({ ...tranchedPool, projectId: 2n });
  });

  it('takes an indexer that names no tranched pool, or no project name for it', () => {
    expect(assetBodySchema.parse(body).tranchedPool).toBeNull();
    const unnamed = { chainId: 31337, address: body.asset.pool, name: 'T', category: 'robotics', projectId: '1' };
    expect(assetBodySchema.parse({ ...body, tranchedPool: unnamed }).tranchedPool?.projectName).toBeNull();
  });
});

describe('projectDetailSchema and protocolSchema', () => {
  it('read an older indexer’s answer as one without tranched pools', () => {
    const project = {
      id: '1',
      operator: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
      category: 'compute',
      name: 'Osaka',
      metadataUri: 'ipfs://x',
      createdAt: '1700000000',
    };
    expect(projectDetailSchema.parse({ project, pools: [], assets: [] }).tranchedPools).toEqual([]);
    const totals = {
      tvl: '1',
      outstandingPrincipal: '0',
      revenueNet: '0',
      revenueNet30d: '0',
      revenueClaimed: '0',
      writtenDown: '0',
      realYield30d: null,
      pools: 6,
      machinesFinanced: 3,
      unitsFinanced: 100,
      investors: 12,
    };
    expect(protocolSchema.parse(totals).tranchedPools).toBe(0);
  });
});
