import { describe, expect, it } from 'vitest';
import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  HttpRequestError,
  UserRejectedRequestError,
} from 'viem';
import { encodeErrorResult, erc20Abi } from 'viem';
import { financingPoolAbi, trancheVaultAbi, tranchedPoolAbi } from '../contracts/abis';
import { describeWalletError } from './wallet-error';

describe('describeWalletError', () => {
  it('says calmly that a rejected signature sent nothing', () => {
    const err = new UserRejectedRequestError(new Error('User rejected the request.'));
    expect(describeWalletError(err)).toMatch(/declined the request in your wallet/);
    expect(describeWalletError({ code: 4001, message: 'denied' })).toMatch(/Nothing was sent/);
  });

  it('names the revert reason of a contract that would reject the call', () => {
    const reverted = new ContractFunctionRevertedError({
      abi: erc20Abi,
      functionName: 'transfer',
      message: 'ERC20: insufficient',
    });
    const err = new ContractFunctionExecutionError(reverted, { abi: erc20Abi, functionName: 'transfer', args: [] });
    expect(describeWalletError(err)).toMatch(/contract would reject this transaction/);
  });

  it('explains a refusal an investor can meet, such as a paused pool', () => {
    const reverted = new ContractFunctionRevertedError({
      abi: financingPoolAbi,
      functionName: 'deposit',
      data: encodeErrorResult({ abi: financingPoolAbi, errorName: 'EnforcedPause' }),
    });
    const err = new ContractFunctionExecutionError(reverted, {
      abi: financingPoolAbi,
      functionName: 'deposit',
      args: [],
    });
    expect(describeWalletError(err)).toBe(
      'The contract would reject this transaction (EnforcedPause): the pool is paused by its guardian. Nothing was sent.',
    );
  });

  it('explains a tranche vault call the pool refuses, though the vault’s ABI does not know the error', () => {
    const data = encodeErrorResult({
      abi: tranchedPoolAbi,
      errorName: 'ExceedsDepositCap',
      args: [5_000_000_000_000n, 4_000_000_000_000n],
    });
    const reverted = new ContractFunctionRevertedError({ abi: trancheVaultAbi, functionName: 'deposit', data });
    const err = new ContractFunctionExecutionError(reverted, {
      abi: trancheVaultAbi,
      functionName: 'deposit',
      args: [],
    });
    expect(describeWalletError(err)).toBe(
      'The contract would reject this transaction (ExceedsDepositCap): the pool would go over its deposit cap. Nothing was sent.',
    );
  });

  it('says a queued exit that no longer waits cannot be cancelled, before the wallet is asked', () => {
    const reverted = new ContractFunctionRevertedError({
      abi: trancheVaultAbi,
      functionName: 'cancelRedeemRequest',
      data: encodeErrorResult({ abi: trancheVaultAbi, errorName: 'UnknownRequest', args: [7n] }),
    });
    const err = new ContractFunctionExecutionError(reverted, {
      abi: trancheVaultAbi,
      functionName: 'cancelRedeemRequest',
      args: [7n, '0x0000000000000000000000000000000000000001'],
    });
    expect(describeWalletError(err)).toBe(
      'The contract would reject this transaction (UnknownRequest): that request no longer waits in the queue: it was ' +
        'filled or cancelled since the page was read. Nothing was sent.',
    );
  });

  it('tells an unreachable RPC apart', () => {
    const err = new HttpRequestError({ url: 'http://127.0.0.1:1', details: 'fetch failed' });
    expect(describeWalletError(err)).toMatch(/network \(RPC\) is not answering/);
  });
});
