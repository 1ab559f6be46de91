/** The platforms Chhavi can publish to; the same list as the `social_accounts.platform` check. */
export const PLATFORMS = ['x', 'facebook', 'youtube', 'bluesky', 'mastodon', 'sandbox'] as const;
export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** A media item as a connector sees it: the stored file's hash, type and size. */
export interface VariantMedia {
  sha256: string;
  mime: string;
  bytes: number;
  altEn?: string;
  altHi?: string;
}

/** One variant as the composer holds it, before it is submitted. */
export interface VariantDraft {
  text: string;
  link?: string | null;
  hashtags?: readonly string[];
  media?: readonly VariantMedia[];
  /** YouTube only: the video title. */
  title?: string | null;
}

/** A variant ready to go out, with the media files' bytes reachable by the connector. */
export interface VariantToPublish extends VariantDraft {
  /** Reads a media file's bytes by its hash (from the media store). */
  readMedia?: (sha256: string) => Promise<Buffer>;
}

/** One problem with a variant, attached to the field it concerns (relative to the variant). */
export interface ValidationIssue {
  /** `text`, `title`, `media`, `link`, `hashtags` (the composer prefixes `variants[i].`). */
  field: string;
  code: 'too_long' | 'empty' | 'too_many_media' | 'media_type' | 'media_too_large' | 'forbidden_characters' | 'invalid_link' | 'required';
  limit?: number;
  actual?: number;
  message: string;
}

export interface PlatformLimits {
  /** Largest text length in the platform's own unit (see `textUnit`). */
  maxText: number;
  textUnit: 'weighted' | 'graphemes' | 'characters' | 'bytes';
  maxMedia: number;
  mediaTypes: readonly string[];
  maxImageBytes: number;
  maxVideoBytes: number;
  /** Whether a post needs a video (YouTube). */
  requiresVideo: boolean;
  /** Largest title length in characters, for platforms with titles. */
  maxTitle: number | null;
}

/** The credentials of one account, decrypted from `social_accounts.credentials_enc`. */
export interface AccountCredentials {
  handle: string;
  /** Bearer or OAuth access token. */
  token: string;
  /** Platform-specific extras (refresh token, page id, instance URL...). */
  extra?: Record<string, string>;
}

export interface RemoteComment {
  remoteId: string;
  author: string;
  text: string;
  at: string;
}

export interface RemoteMetrics {
  likes: number;
  shares: number;
  comments: number;
  views: number | null;
}

export interface PublishedRef {
  remoteId: string;
  url: string | null;
}
