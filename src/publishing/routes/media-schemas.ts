import { Type } from '@sinclair/typebox';

export const MediaSchema = Type.Object({
  sha256: Type.String(),
  mime: Type.String(),
  bytes: Type.Number(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  duration: Type.Union([Type.Number(), Type.Null()]),
  altEn: Type.String(),
  altHi: Type.String(),
  uploadedBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  url: Type.String({ description: 'where the file is served' }),
  can: Type.Object({ edit: Type.Boolean() }),
});

export const ShaParams = Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
export const MediaEnvelope = Type.Object({ media: MediaSchema });

export function mediaUrl(sha256: string): string {
  return `/api/v1/media/${sha256}/file`;
}
