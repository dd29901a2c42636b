import { describe, expect, it } from 'vitest';
import { netRevenue, prng, usdcUnits, weeklyUtilization } from './economics';
import { ASSETS } from './machines';

describe('seed economics', () => {
  it('prices a GPU week as GPUs × hours × utilization × price, net of operating costs', () => {
    const h100 = ASSETS[0]!;
    // 64 GPUs × 168 h × 80 % × $1.85 × (1 − 46 %)
    expect(netRevenue(h100, 0.8, 7)).toBeCloseTo(64 * 168 * 0.8 * 1.85 * 0.54, 6);
  });

  it('prices a robot week as monthly rent × 12 / 365 × days × uptime, net of maintenance', () => {
    const amr = ASSETS.find((a) => a.economics.kind === 'robot')!;
    const rent = amr.economics.kind === 'robot' ? amr.economics.monthlyRentPerRobot : 0;
    expect(netRevenue(amr, 0.95, 7)).toBeCloseTo(((amr.units * rent * 12) / 365) * 7 * 0.95 * 0.78, 6);
  });

  it('gives each asset its own deterministic utilization path', () => {
    const a = Array.from(
      { length: 5 },
      (
        (r) => () =>
          weeklyUtilization(ASSETS[0]!, 6, r)
      )(prng(1)),
    );
    const again = Array.from(
      { length: 5 },
      (
        (r) => () =>
          weeklyUtilization(ASSETS[0]!, 6, r)
      )(prng(1)),
    );
    const other = Array.from(
      { length: 5 },
      (
        (r) => () =>
          weeklyUtilization(ASSETS[0]!, 6, r)
      )(prng(2)),
    );
    expect(a).toEqual(again);
    expect(a).not.toEqual(other);
    for (const u of a) expect(u).toBeGreaterThan(0.7);
  });

  it('rounds seed amounts to USDC base units', () => {
    expect(usdcUnits(1234.5678915)).toBe(1_234_567_892n);
  });

  it('has no two assets alike', () => {
    const keys = ASSETS.map((a) => `${a.pool}|${a.model}|${a.units}|${a.location}|${a.baseUtilization}`);
    expect(new Set(keys).size).toBe(ASSETS.length);
    expect(ASSETS).toHaveLength(20);
  });
});
