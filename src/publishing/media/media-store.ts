import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, type ReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../../http/errors.js';

const HEAD_BYTES = 256 * 1024;

export interface StoredFile {
  sha256: string;
  bytes: number;
  /** The first bytes, for sniffing the type. */
  head: Buffer;
  /** The temporary file, until `commit` moves it to its content address. */
  tempPath: string;
}

/**
 * Files stored by content: `<dataDir>/media/<first two hex digits>/<sha256>`. The same bytes are
 * stored once, whoever uploads them.
 */
export class MediaStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'media');
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('validation_failed', 'not a media id');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Streams an upload to a temporary file, hashing and counting as it goes; refuses more than `maxBytes`. */
  async receive(body: Readable, maxBytes: number): Promise<StoredFile> {
    mkdirSync(join(this.root, 'tmp'), { recursive: true });
    const tempPath = join(this.root, 'tmp', `${Date.now()}-${randomBytes(6).toString('hex')}`);
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let bytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          done(new AppError('payload_too_large', `the file is larger than ${maxBytes} bytes`));
          return;
        }
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          headChunks.push(chunk);
          headLength += chunk.length;
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(tempPath, { flags: 'wx' }));
    } catch (err) {
      rmSync(tempPath, { force: true });
      throw err;
    }
    return { sha256: hash.digest('hex'), bytes, head: Buffer.concat(headChunks).subarray(0, HEAD_BYTES), tempPath };
  }

  /** Moves a received file to its content address (or drops it when the same content is stored). */
  commit(file: StoredFile): void {
    const target = this.pathOf(file.sha256);
    if (existsSync(target)) {
      rmSync(file.tempPath, { force: true });
      return;
    }
    mkdirSync(join(this.root, file.sha256.slice(0, 2)), { recursive: true });
    renameSync(file.tempPath, target);
  }

  discard(file: StoredFile): void {
    rmSync(file.tempPath, { force: true });
  }

  exists(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }
}
