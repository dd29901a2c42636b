import { describe, expect, it } from 'vitest';
import { parseUnits } from 'viem';
import { depositRefusal, withdrawRefusal } from './tranche-limits';

const usdc = (n: string) => parseUnits(n, 6);
const terms = { subordinationBps: 2_121n, minSubordinationBps: 2_500 };

describe('depositRefusal', () => {
  it('takes a deposit within the limit', () => {
    expect(depositRefusal('senior', usdc('1000'), { assets: usdc('1000'), bySubordination: true }, terms)).toBeNull();
  });

  it('explains a senior deposit refused by subordination, with both figures and the way out', () => {
    const reason = depositRefusal('senior', usdc('1'), { assets: 0n, bySubordination: true }, terms);
    expect(reason).toContain('minimum subordination');
    expect(reason).toContain('25.0%');
    expect(reason).toContain('21.2%');
    expect(reason).toContain('none now');
    expect(reason).toContain('junior');
  });

  it('names the room left when some senior deposit is still possible', () => {
    const reason = depositRefusal('senior', usdc('600000'), { assets: usdc('480000'), bySubordination: true }, terms);
    expect(reason).toContain('480,000');
  });

  it('names the deposit cap when it binds', () => {
    const reason = depositRefusal('junior', usdc('10'), { assets: usdc('5'), bySubordination: false }, terms);
    expect(reason).toContain('deposit cap');
  });
});

describe('withdrawRefusal', () => {
  it('explains a junior exit held back by subordination', () => {
    const reason = withdrawRefusal('junior', usdc('10'), { assets: 0n, bySubordination: true }, terms);
    expect(reason).toContain('Junior exits are limited');
    expect(reason).toContain('junior exit queue');
  });

  it('points to the queue when idle cash binds', () => {
    expect(withdrawRefusal('senior', usdc('10'), { assets: usdc('4'), bySubordination: false }, terms)).toContain(
      'idle cash',
    );
  });
});
