/**
 * Opens an Ethereum keystore (Web3 Secret Storage v3, as geth, cast and MetaMask export it): scrypt or
 * PBKDF2-HMAC-SHA256 derives a key from the password, its second half with the ciphertext must hash to the MAC
 * (a wrong password is told apart from a damaged file that way), and AES-128-CTR decrypts the private key.
 * Node's crypto and viem's keccak; no dependency added for forty lines of a fixed format.
 */
import crypto from 'node:crypto';
import { bytesToHex, hexToBytes, keccak256, type Hex } from 'viem';
import { z } from 'zod';
import { OpsError } from './ops-error';

const hex = z.string().regex(/^(0x)?[0-9a-fA-F]*$/);
const keystoreSchema = z.object({
  version: z.literal(3),
  // geth writes "crypto", some older tools "Crypto".
  crypto: z.object({
    cipher: z.literal('aes-128-ctr'),
    ciphertext: hex,
    cipherparams: z.object({ iv: hex }),
    mac: hex,
    kdf: z.enum(['scrypt', 'pbkdf2']),
    kdfparams: z.union([
      z.object({ dklen: z.number().int(), n: z.number().int(), r: z.number().int(), p: z.number().int(), salt: hex }),
      z.object({ dklen: z.number().int(), c: z.number().int(), prf: z.literal('hmac-sha256'), salt: hex }),
    ]),
  }),
});

const bytes = (text: string) => hexToBytes((text.startsWith('0x') ? text : `0x${text}`) as Hex);

export function decryptKeystore(json: unknown, password: string): Hex {
  const raw =
    json && typeof json === 'object' && 'Crypto' in json && !('crypto' in json)
      ? { ...json, crypto: json.Crypto }
      : json;
  const parsed = keystoreSchema.safeParse(raw);
  if (!parsed.success) throw new OpsError('the keystore is not a version 3 keystore with aes-128-ctr');
  const c = parsed.data.crypto;
  const p = c.kdfparams;
  const salt = bytes(p.salt);
  const derived =
    'n' in p
      ? crypto.scryptSync(password, salt, p.dklen, {
          N: p.n,
          r: p.r,
          p: p.p,
          maxmem: 256 * p.n * p.r + 64 * 1024 * 1024,
        })
      : crypto.pbkdf2Sync(password, salt, p.c, p.dklen, 'sha256');
  const ciphertext = bytes(c.ciphertext);
  const mac = keccak256(new Uint8Array([...derived.subarray(16, 32), ...ciphertext]));
  if (mac.slice(2).toLowerCase() !== c.mac.replace(/^0x/, '').toLowerCase()) {
    throw new OpsError('the keystore password (KEYSTORE_PASSWORD) is wrong');
  }
  const decipher = crypto.createDecipheriv('aes-128-ctr', derived.subarray(0, 16), bytes(c.cipherparams.iv));
  const key = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  return bytesToHex(key);
}
