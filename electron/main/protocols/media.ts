import { createReadStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import { mimeType } from './mime';
import { realPathWithin } from './paths';
import { parseRange } from './range';

export interface ClipLocation {
  path: string;
  /** Library roots the clip must stay inside. */
  roots: string[];
}

/** Looks a clip id up through the database (the core); null when unknown. */
export type ClipLookup = (clipId: number) => Promise<ClipLocation | null>;

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

/**
 * media://clip/<id>: the only way the window reaches footage. The id is opaque; the path comes from the database
 * and must resolve (symlinks followed) inside a library root. Answers Range requests itself, because net.fetch of a
 * file URL ignores Range and breaks seeking.
 */
export function createMediaHandler(lookup: ClipLookup) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'bad url');
    }
    const m = /^\/?(\d{1,15})$/.exec(url.pathname);
    if (url.hostname !== 'clip' || !m) return text(404, 'not found');
    const loc = await lookup(Number(m[1]));
    if (!loc) return text(404, 'no such clip');
    const real = realPathWithin(loc.roots, loc.path);
    if (!real) return text(403, 'clip is outside the library roots or missing');
    let size: number;
    try {
      const st = await fs.stat(real);
      if (!st.isFile()) return text(404, 'not a file');
      size = st.size;
    } catch {
      return text(404, 'clip file is missing');
    }
    const base = { 'Accept-Ranges': 'bytes', 'Content-Type': mimeType(real), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    const range = parseRange(request.headers.get('range'), size);
    if (range.kind === 'unsatisfiable') {
      return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` } });
    }
    const [start, end, status] = range.kind === 'partial' ? [range.start, range.end, 206] : [0, size - 1, 200];
    const headers: Record<string, string> = { ...base, 'Content-Length': String(size === 0 ? 0 : end - start + 1) };
    if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    if (request.method === 'HEAD' || size === 0) return new Response(null, { status, headers });
    const stream = Readable.toWeb(createReadStream(real, { start, end })) as ReadableStream<Uint8Array>;
    return new Response(stream, { status, headers });
  };
}
