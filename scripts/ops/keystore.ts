/**
 * Opens an Ethereum keystore (Web3 Secret Storage v3, as geth, cast and MetaMask export it) with
 * @ethereumjs/wallet: scrypt or PBKDF2, the MAC check that tells a wrong password apart, AES-128-CTR.
 */
import { Wallet } from '@ethereumjs/wallet';
import type { Hex } from 'viem';
import { OpsError } from './ops-error';

export async function decryptKeystore(json: unknown, password: string): Promise<Hex> {
  if (!json || typeof json !== 'object' || (json as { version?: unknown }).version !== 3) {
    throw new OpsError('the keystore is not a version 3 keystore');
  }
  // geth writes "crypto", some older tools "Crypto"; the library reads the first only.
  const raw = 'Crypto' in json && !('crypto' in json) ? { ...json, crypto: json.Crypto } : json;
  let wallet: Wallet;
  try {
    wallet = await Wallet.fromV3(raw as Parameters<typeof Wallet.fromV3>[0], password, true);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/passphrase|password/i.test(message)) throw new OpsError('the keystore password (KEYSTORE_PASSWORD) is wrong');
    throw new OpsError(`the keystore cannot be opened: ${message}`);
  }
  return wallet.getPrivateKeyString() as Hex;
}
