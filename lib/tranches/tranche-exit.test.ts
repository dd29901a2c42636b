import { describe, expect, it } from 'vitest';
import { parseUnits } from 'viem';
import { planTrancheExit } from './tranche-exit';

const usdc = (n: string) => parseUnits(n, 6);
const base = {
  side: 'junior' as const,
  unlockedValue: usdc('5000'),
  poolLimit: { assets: usdc('2000'), bySubordination: false },
  queueWaiting: false,
  minRequest: usdc('100'),
  terms: { subordinationBps: 2_300n, minSubordinationBps: 2_000 },
};

describe('planTrancheExit', () => {
  it('pays now what the pool can pay, and marks a whole position so every unlocked share is redeemed', () => {
    expect(planTrancheExit({ ...base, amount: usdc('2000') })).toEqual({ kind: 'now', whole: false });
    expect(
      planTrancheExit({ ...base, amount: usdc('5000'), poolLimit: { assets: usdc('9000'), bySubordination: false } }),
    ).toEqual({
      kind: 'now',
      whole: true,
    });
  });

  it('queues what the pool cannot pay now, saying which limit binds', () => {
    const idle = planTrancheExit({ ...base, amount: usdc('3000') });
    expect(idle).toMatchObject({ kind: 'queue', whole: false });
    expect(idle.kind === 'queue' && idle.note).toContain('idle cash');
    const sub = planTrancheExit({
      ...base,
      amount: usdc('3000'),
      poolLimit: { assets: usdc('1000'), bySubordination: true },
    });
    expect(sub.kind === 'queue' && sub.note).toContain('minimum subordination');
  });

  it('pays nothing ahead of a waiting queue: even a small exit joins it', () => {
    const plan = planTrancheExit({ ...base, amount: usdc('500'), queueWaiting: true });
    expect(plan).toMatchObject({ kind: 'queue' });
    expect(plan.kind === 'queue' && plan.note).toContain('no exit is paid ahead of them');
  });

  it('refuses a queued exit under the minimum unless it is the whole position', () => {
    const small = planTrancheExit({ ...base, amount: usdc('50'), queueWaiting: true });
    expect(small.kind).toBe('refused');
    expect(small.kind === 'refused' && small.reason).toContain('$100.00');
    const dust = { ...base, unlockedValue: usdc('50'), queueWaiting: true };
    expect(planTrancheExit({ ...dust, amount: usdc('50') })).toMatchObject({ kind: 'queue', whole: true });
  });
});
