import type { IndexSummary } from '../../../shared/ipc/library';
import type { CoreContext } from '../context';
import { runIndex } from './indexRun';
import { countRoots } from './rootsRepo';

/**
 * First start: a database without any library root indexes the given one (the bundled demo library and its
 * Axon-style export), so a new user sees incidents straight away. Never throws: the app must start even when the
 * demo is absent; the reason goes to the log and the Library screen simply shows no roots.
 */
export async function seedLibraryIfEmpty(
  ctx: CoreContext,
  seed: { roots: string[]; manifests: string[] },
): Promise<IndexSummary | null> {
  if (countRoots(ctx.db) > 0) return null;
  try {
    return await runIndex(ctx, { roots: seed.roots, manifests: seed.manifests, mapping: 'axon', hash: false, proximityMinutes: null });
  } catch (e) {
    console.error(`[core] demo library not indexed: ${(e as Error).message}`);
    return null;
  }
}
