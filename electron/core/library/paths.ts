import { isAbsolute, relative, sep } from 'node:path';

/** True when `child` is `root` itself or below it. Both must already be absolute real paths (no I/O here). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

export function isInsideAny(roots: readonly string[], child: string): boolean {
  return roots.some((r) => isInside(r, child));
}

/** A clip's absolute path from its root and '/'-separated relative path, on any platform. */
export function clipAbsPath(root: string, relPath: string): string {
  return relPath === '' ? root : `${root}${root.endsWith(sep) ? '' : sep}${relPath.split('/').join(sep)}`;
}
