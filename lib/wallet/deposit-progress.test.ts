import { describe, expect, it } from 'vitest';
import { depositProgress } from './deposit-progress';

const hash = `0x${'ab'.repeat(32)}` as const;

describe('depositProgress', () => {
  it('is all waiting before anything was pressed', () => {
    expect(depositProgress({ phase: 'idle' }, 'waiting')).toEqual({
      method: undefined,
      running: false,
      steps: { approve: 'waiting', deposit: 'waiting', index: 'waiting' },
      error: undefined,
      indexerLagging: undefined,
      depositHash: undefined,
    });
  });

  it('keeps the deposit waiting while the approval is signed and mined', () => {
    for (const approval of ['waiting', 'signing', 'mining'] as const) {
      const state = depositProgress({ phase: 'signing', label: 'Deposit' }, approval, 'approve');
      expect(state.running).toBe(true);
      expect(state.steps).toEqual({ approve: approval, deposit: 'waiting', index: 'waiting' });
    }
  });

  it('follows the deposit transaction once the approval is done or not needed', () => {
    expect(depositProgress({ phase: 'signing' }, 'skipped').steps).toEqual({
      approve: 'skipped',
      deposit: 'signing',
      index: 'waiting',
    });
    expect(depositProgress({ phase: 'mining', hash }, 'done', 'permit')).toMatchObject({
      method: 'permit',
      depositHash: hash,
      steps: { approve: 'done', deposit: 'mining', index: 'waiting' },
    });
    expect(depositProgress({ phase: 'indexing', hash }, 'done').steps).toEqual({
      approve: 'done',
      deposit: 'done',
      index: 'mining',
    });
    const done = depositProgress({ phase: 'done', hash, indexerLagging: true }, 'done');
    expect(done).toMatchObject({ running: false, indexerLagging: true });
    expect(done.steps).toEqual({ approve: 'done', deposit: 'done', index: 'done' });
  });

  it('blames the step that was under way when it failed', () => {
    // Declined approval, or an allowance read that never answered: the approval step failed.
    for (const approval of ['waiting', 'signing', 'mining'] as const) {
      const state = depositProgress({ phase: 'failed', error: 'You declined' }, approval);
      expect(state).toMatchObject({ running: false, error: 'You declined' });
      expect(state.steps).toEqual({ approve: 'failed', deposit: 'waiting', index: 'waiting' });
    }
    // Approved, then the deposit was declined or reverted.
    expect(depositProgress({ phase: 'failed', hash, error: 'reverted' }, 'done').steps).toEqual({
      approve: 'done',
      deposit: 'failed',
      index: 'waiting',
    });
  });

  it('as one batch (EIP-5792), the approval shares the deposit’s every step, proposed included', () => {
    const proposed = depositProgress({ phase: 'proposed', label: 'Deposit' }, 'done', 'batch');
    expect(proposed).toMatchObject({ method: 'batch', running: true });
    expect(proposed.steps).toEqual({ approve: 'proposed', deposit: 'proposed', index: 'waiting' });
    expect(depositProgress({ phase: 'indexing', hash }, 'done', 'batch').steps).toEqual({
      approve: 'done',
      deposit: 'done',
      index: 'mining',
    });
    expect(
      depositProgress({ phase: 'failed', error: 'The wallet did not execute the batch' }, 'done', 'batch').steps,
    ).toEqual({
      approve: 'failed',
      deposit: 'failed',
      index: 'waiting',
    });
  });
});
