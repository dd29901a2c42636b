/**
 * Who signs and sends: a private key from an environment variable (named by --private-key-env, OPERATOR_PRIVATE_KEY
 * by default) or a keystore file whose password comes from KEYSTORE_PASSWORD. Never a key or password as a flag:
 * flags end up in shell history and process listings.
 */
import fs from 'node:fs';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import type { Hex } from 'viem';
import { decryptKeystore } from './keystore';
import { OpsError } from './ops-error';

export const DEFAULT_KEY_ENV = 'OPERATOR_PRIVATE_KEY';

const PRIVATE_KEY = /^(0x)?[0-9a-fA-F]{64}$/;

export async function loadSigner(
  opts: { privateKeyEnv?: string; keystore?: string },
  env: Record<string, string | undefined>,
): Promise<PrivateKeyAccount> {
  if (opts.keystore !== undefined) {
    if (opts.privateKeyEnv !== undefined) throw new OpsError('give --keystore or --private-key-env, not both');
    const password = env.KEYSTORE_PASSWORD;
    if (password === undefined)
      throw new OpsError('--keystore needs its password in the KEYSTORE_PASSWORD environment variable');
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(opts.keystore, 'utf8'));
    } catch {
      throw new OpsError(`--keystore: ${opts.keystore} is not a readable JSON file`);
    }
    return privateKeyToAccount(await decryptKeystore(json, password));
  }
  const name = opts.privateKeyEnv ?? DEFAULT_KEY_ENV;
  const value = env[name]?.trim();
  if (!value) throw new OpsError(`no signer: set ${name} to the sender's private key, or give --keystore <file>`);
  if (!PRIVATE_KEY.test(value)) throw new OpsError(`${name} is not a 32-byte hex private key`);
  return privateKeyToAccount((value.startsWith('0x') ? value : `0x${value}`) as Hex);
}
