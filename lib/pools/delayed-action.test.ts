import { keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeScheduledCall } from './delayed-action';

describe('describeScheduledCall', () => {
  it('says what a fee change does, in percent', () => {
    expect(
      describeScheduledCall({
        functionName: 'setProtocolFee',
        args: ['0x90F79bf6EB2c4f870365E785982E1f101E93b906', '1250'],
      }),
    ).toBe('Protocol fee to 12.5%, paid to 0x90F7…b906');
  });

  it('gives amounts in dollars and roles by name', () => {
    expect(describeScheduledCall({ functionName: 'setAssetLimit', args: ['7', '2500000000000'] })).toBe(
      'Limit of machine #7 to $2,500,000.00',
    );
    expect(
      describeScheduledCall({
        functionName: 'grantRole',
        args: [keccak256(toHex('GUARDIAN_ROLE')), '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65'],
      }),
    ).toBe('Give the guardian role to 0x15d3…6A65');
  });

  it('shows any other call by its name and arguments, and an undecodable one as such', () => {
    expect(describeScheduledCall({ functionName: 'updateDelay', args: ['86400'] })).toBe('updateDelay(86400)');
    expect(describeScheduledCall({ functionName: null, args: null })).toBe('A call the app cannot decode');
  });
});
