import type { AuditEntry } from '../../audit/audit-log.js';

/** One successful call waiting to be recorded. */
export interface PublishedItem {
  publicationId: string;
  postId: string;
  unitId: string;
  attempt: number;
  remoteId: string;
  url: string | null;
  outcome: 'published' | 'found';
}

/** The audit entry of a publication that went out (or was found on the platform by recovery). */
export function publishedAuditEntry(actor: AuditEntry['actor'], item: PublishedItem, postStatus: string | undefined): AuditEntry {
  return {
    actor,
    action: 'publication.published',
    targetType: 'publication',
    targetId: item.publicationId,
    unitId: item.unitId,
    details: { postId: item.postId, remoteId: item.remoteId, attempt: item.attempt, ...(item.outcome === 'found' ? { recovered: true } : {}), ...(postStatus ? { postStatus } : {}) },
  };
}
