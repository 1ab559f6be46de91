import { can, type Actor } from '../../auth/actor.js';
import type { MediaItem } from '../media/media-service.js';
import { mediaUrl } from './media-schemas.js';

/** A media item as the API sends it: where its file is served and what the caller may do. */
export function presentMedia(actor: Actor, m: MediaItem) {
  return { ...m, url: mediaUrl(m.sha256), can: { edit: can(actor, 'media.write') } };
}
