import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import { markNoticeRead, noticesFor } from './notices.js';

export interface NoticeView {
  id: string;
  kind: string;
  postId: string;
  publicationId: string | null;
  unitId: string;
  message: string;
  createdAt: string;
  read: boolean;
}

/** The publishing notices addressed to the signed-in user (post authors). */
export class NoticeService {
  constructor(private readonly db: Database) {}

  async list(actor: Actor, opts: { unreadOnly: boolean; limit: number }): Promise<NoticeView[]> {
    const rows = await noticesFor(this.db, actor.userId, opts);
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      postId: n.postId,
      publicationId: n.publicationId,
      unitId: n.unitId,
      message: n.message,
      createdAt: new Date(n.createdAt).toISOString(),
      read: n.readAt !== null,
    }));
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    if (!(await markNoticeRead(this.db, id, actor.userId))) throw notFound(`notice ${id}`);
  }
}
