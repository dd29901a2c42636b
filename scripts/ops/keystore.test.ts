import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptKeystore } from './keystore';
import { OpsError } from './ops-error';
import { loadSigner } from './signer';

/** The Web3 Secret Storage definition's test vector (PBKDF2-SHA-256), password "testpassword". */
const vector = {
  crypto: {
    cipher: 'aes-128-ctr',
    cipherparams: { iv: '6087dab2f9fdbbfaddc31a909735c1e6' },
    ciphertext: '5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46',
    kdf: 'pbkdf2',
    kdfparams: {
      c: 262144,
      dklen: 32,
      prf: 'hmac-sha256',
      salt: 'ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd',
    },
    mac: '517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2',
  },
  id: '3198bc9c-6672-5ab3-d995-4942343ae5b6',
  version: 3,
};

describe('keystores', () => {
  it("opens the definition's test vector, and tells a wrong password from a file that is not a keystore", async () => {
    await expect(decryptKeystore(vector, 'testpassword')).resolves.toBe(
      '0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d',
    );
    await expect(decryptKeystore(vector, 'wrong')).rejects.toThrow(
      new OpsError('the keystore password (KEYSTORE_PASSWORD) is wrong'),
    );
    await expect(decryptKeystore({ version: 3 }, 'x')).rejects.toThrow(/keystore/);
    await expect(decryptKeystore({ version: 1 }, 'x')).rejects.toThrow(/not a version 3 keystore/);
  });

  it('signs with a keystore file and the password from KEYSTORE_PASSWORD, or with a key from the environment', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keystore-')), 'key.json');
    fs.writeFileSync(file, JSON.stringify(vector));
    expect((await loadSigner({ keystore: file }, { KEYSTORE_PASSWORD: 'testpassword' })).address).toBe(
      '0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b',
    );
    await expect(loadSigner({ keystore: file }, {})).rejects.toThrow(/KEYSTORE_PASSWORD/);
    const key = '7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d';
    expect((await loadSigner({}, { OPERATOR_PRIVATE_KEY: key })).address).toBe(
      '0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b',
    );
    await expect(loadSigner({ privateKeyEnv: 'MANAGER_KEY' }, {})).rejects.toThrow(
      "no signer: set MANAGER_KEY to the sender's private key, or give --keystore <file>",
    );
    await expect(loadSigner({}, { OPERATOR_PRIVATE_KEY: '0x1234' })).rejects.toThrow(
      'OPERATOR_PRIVATE_KEY is not a 32-byte hex private key',
    );
  });
});
