import { describe, expect, it } from 'vitest';
import { healthReport, MAX_HEALTHY_LAG_SECONDS } from './health-report';

const head = { ok: true as const, block: 1_000n, timestamp: 1_700_000_000 };

describe('healthReport', () => {
  it('is healthy with both sides answering and the indexer close behind', () => {
    const report = healthReport(84532, head, { ok: true, block: 998n, timestamp: 1_700_000_000 - 4 });
    expect(report).toEqual({
      ok: true,
      chainId: 84532,
      rpc: { ok: true, block: '1000', timestamp: 1_700_000_000 },
      indexer: { ok: true, block: '998', timestamp: 1_699_999_996 },
      lag: { blocks: '2', seconds: 4 },
    });
  });

  it('is not healthy when the indexer is further behind than the limit', () => {
    const behind = { ok: true as const, block: 10n, timestamp: head.timestamp - MAX_HEALTHY_LAG_SECONDS - 1 };
    const report = healthReport(1, head, behind);
    expect(report.ok).toBe(false);
    expect(report.lag).toEqual({ blocks: '990', seconds: MAX_HEALTHY_LAG_SECONDS + 1 });
  });

  it('reports no lag when the indexer reads a node that is ahead of the app’s', () => {
    const report = healthReport(1, head, { ok: true, block: 1_001n, timestamp: head.timestamp + 2 });
    expect(report.lag).toEqual({ blocks: '0', seconds: 0 });
    expect(report.ok).toBe(true);
  });

  it('names the side that does not answer, and has no lag figure then', () => {
    const rpcDown = healthReport(1, { ok: false, error: 'the RPC does not answer' }, head);
    expect(rpcDown).toMatchObject({ ok: false, rpc: { ok: false, error: 'the RPC does not answer' }, lag: null });
    const indexerDown = healthReport(1, head, { ok: false, error: 'the indexer is not reachable' });
    expect(indexerDown).toMatchObject({ ok: false, indexer: { ok: false }, lag: null });
  });
});
