import type { Actor } from '../../auth/actor.js';
import type { AppContext } from '../../app/context.js';
import type { PostView } from '../posts/post-types.js';

/** A post as the API sends it: with what the caller may do with it. */
export function presentPost(ctx: AppContext, actor: Actor, post: PostView) {
  return { ...post, can: ctx.posts.abilities(actor, post) };
}
