import type { Readable } from 'node:stream';
import type { ReadStream } from 'node:fs';
import type { Actor } from '../../auth/actor.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../http/errors.js';
import * as repo from './media-repository.js';
import type { MediaRow } from './media-repository.js';
import { MediaStore } from './media-store.js';
import { sniff } from './sniff.js';

export type MediaItem = MediaRow;

/** Largest files the library accepts; each platform has its own, lower limits checked by validation. */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 300 * 1024 * 1024;
export const ALT_MAX = 1500;

function cleanAlt(field: string, value: string | undefined): string {
  const v = (value ?? '').trim();
  if (v.length > ALT_MAX) throw new AppError('validation_failed', `${field}: at most ${ALT_MAX} characters`, { field });
  return v;
}

/**
 * The media library: content-addressed files with their type sniffed from the bytes, pixel sizes
 * for images, and alt text in English and Hindi. Force-wide: every unit may reuse awareness media.
 */
export class MediaService {
  readonly store: MediaStore;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    dataDir: string,
  ) {
    this.store = new MediaStore(dataDir);
  }

  async upload(actor: Actor, body: Readable, alt: { altEn?: string | undefined; altHi?: string | undefined }): Promise<{ media: MediaItem; created: boolean }> {
    const altEn = cleanAlt('altEn', alt.altEn);
    const altHi = cleanAlt('altHi', alt.altHi);
    const file = await this.store.receive(body, MAX_VIDEO_BYTES);
    const kind = sniff(file.head);
    if (!kind) {
      this.store.discard(file);
      throw new AppError('unsupported_media_type', 'only JPEG, PNG, GIF, WebP images and MP4 videos are accepted');
    }
    if (kind.mime !== 'video/mp4' && file.bytes > MAX_IMAGE_BYTES) {
      this.store.discard(file);
      throw new AppError('payload_too_large', `an image may be at most ${MAX_IMAGE_BYTES} bytes`);
    }
    this.store.commit(file);
    return this.db.transaction(async (tx) => {
      const created = await repo.insertMedia(tx, {
        sha256: file.sha256,
        mime: kind.mime,
        bytes: file.bytes,
        width: kind.width,
        height: kind.height,
        duration: null,
        altEn,
        altHi,
        uploadedBy: actor.userId,
      });
      if (created) {
        await this.audit.record(tx, { actor, action: 'media.uploaded', targetType: 'media', targetId: file.sha256, details: { mime: kind.mime, bytes: file.bytes } });
      }
      return { media: (await repo.findMedia(tx, [file.sha256]))[0]!, created };
    });
  }

  async get(id: string): Promise<MediaItem> {
    const row = (await repo.findMedia(this.db, [id]))[0];
    if (!row) throw notFound('media');
    return row;
  }

  /** Rows for these ids (missing ids are simply absent). */
  findMany(ids: readonly string[]): Promise<MediaItem[]> {
    return repo.findMedia(this.db, ids);
  }

  search(f: { text?: string | undefined; kind?: 'image' | 'video' | undefined; before?: string | undefined; limit?: number | undefined }): Promise<MediaItem[]> {
    return repo.searchMedia(this.db, { ...f, limit: f.limit ?? 50 });
  }

  async updateAlt(actor: Actor, id: string, alt: { altEn?: string | undefined; altHi?: string | undefined }): Promise<MediaItem> {
    return this.db.transaction(async (tx) => {
      const before = (await repo.findMedia(tx, [id]))[0];
      if (!before) throw notFound('media');
      const next = { altEn: alt.altEn === undefined ? before.altEn : cleanAlt('altEn', alt.altEn), altHi: alt.altHi === undefined ? before.altHi : cleanAlt('altHi', alt.altHi) };
      if (next.altEn === before.altEn && next.altHi === before.altHi) return before;
      await repo.updateMediaAlt(tx, id, next);
      await this.audit.record(tx, { actor, action: 'media.alt_updated', targetType: 'media', targetId: id, details: { before: { altEn: before.altEn, altHi: before.altHi }, after: next } });
      return (await repo.findMedia(tx, [id]))[0]!;
    });
  }

  async open(id: string): Promise<{ media: MediaItem; stream: ReadStream }> {
    const media = await this.get(id);
    if (!this.store.exists(id)) throw notFound('media file');
    return { media, stream: this.store.open(id) };
  }
}
