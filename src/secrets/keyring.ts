import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encrypts secrets at rest (TOTP seeds, platform tokens) with AES-256-GCM. Stored form:
 * `v1:<iv b64>:<tag b64>:<ciphertext b64>`. The key comes from CHHAVI_SECRET_KEY or, for a
 * single-machine install, from `secret.key` in the data folder, created once with mode 0600.
 */
export class Keyring {
  private constructor(private readonly key: Buffer) {}

  static fromBase64(b64: string): Keyring {
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error('secret key must be 32 bytes');
    return new Keyring(key);
  }

  static forDataDir(dataDir: string): Keyring {
    const file = join(dataDir, 'secret.key');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    return Keyring.fromBase64(readFileSync(file, 'utf8').trim());
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(stored: string): string {
    const [v, iv, tag, body] = stored.split(':');
    if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('not an encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}
