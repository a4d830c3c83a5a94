import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** True when `child` is `root` or inside it (after both are resolved); pure path arithmetic, no I/O. */
export function isInside(root: string, child: string): boolean {
  const rel = relative(resolve(root), resolve(child));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'));
}

/**
 * Maps an app:// URL path to a file under the UI folder. Decodes percent-escapes once, then refuses anything that
 * would leave the folder (`..`, encoded `%2e%2e`, absolute or drive paths, NUL bytes). Returns null when refused.
 */
export function resolveAppPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  if (isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null;
  const full = resolve(root, rel);
  return isInside(root, full) ? full : null;
}

/** Real path inside one of the roots, following symlinks; null when the file escapes every root or is missing. */
export function realPathWithin(roots: readonly string[], path: string): string | null {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return null;
  }
  for (const r of roots) {
    let realRoot: string;
    try {
      realRoot = realpathSync(r);
    } catch {
      continue;
    }
    if (isInside(realRoot, real)) return real;
  }
  return null;
}
