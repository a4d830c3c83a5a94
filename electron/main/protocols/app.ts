import { promises as fs } from 'node:fs';
import { mimeType } from './mime';
import { resolveAppPath } from './paths';

export const APP_ORIGIN = 'app://bwc';

/**
 * The Content-Security-Policy of every page: our own scripts only, media only through media:, no remote content
 * at all. 'unsafe-inline' for styles because video.js sets inline styles on its controls.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  'media-src media: blob:',
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** app://bwc/<path>: serves the built UI from one folder, never file://. */
export function createAppHandler(uiRoot: string) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return new Response('not found', { status: 404 });
    const file = resolveAppPath(uiRoot, url.pathname);
    if (!file) return new Response('forbidden', { status: 403 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': mimeType(file), 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
}
