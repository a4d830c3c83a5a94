import { join } from 'node:path';
import type { CoreContext } from '../context';

/**
 * Calls only the main process makes (never exposed to the window): the media protocol resolves an opaque clip id to
 * a file and the library roots it must stay inside.
 */
export const internalHandlers: Record<string, (ctx: CoreContext, input: unknown) => unknown> = {
  'internal.clipLocation': (ctx, input) => {
    const clipId = (input as { clipId?: unknown })?.clipId;
    if (typeof clipId !== 'number' || !Number.isSafeInteger(clipId) || clipId <= 0) return null;
    const row = ctx.db
      .prepare('SELECT r.path AS root, c.rel_path AS rel FROM clips c JOIN roots r ON r.id = c.root_id WHERE c.id = ?')
      .get(clipId) as { root: string; rel: string } | undefined;
    if (!row) return null;
    const roots = (ctx.db.prepare('SELECT path FROM roots').all() as { path: string }[]).map((r) => r.path);
    return { path: join(row.root, ...row.rel.split('/')), roots };
  },
};
