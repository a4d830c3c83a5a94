import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMediaHandler } from '../../../electron/main/protocols/media';

// A real file on disk with known bytes; the clip lookup stands in for the database (the handler's only input).
const base = mkdtempSync(join(tmpdir(), 'bwc-media-'));
const root = join(base, 'library');
mkdirSync(root);
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
writeFileSync(join(root, 'clip.mp4'), bytes);
writeFileSync(join(root, 'empty.mp4'), '');
writeFileSync(join(base, 'outside.mp4'), 'secret');
symlinkSync(join(base, 'outside.mp4'), join(root, 'escape.mp4'));
const paths: Record<number, string> = {
  1: join(root, 'clip.mp4'),
  2: join(root, 'escape.mp4'),
  3: join(base, 'outside.mp4'),
  4: join(root, '..', 'outside.mp4'),
  5: join(root, 'gone.mp4'),
  6: join(root, 'empty.mp4'),
};
const handler = createMediaHandler(async (id) => (paths[id] ? { path: paths[id]!, roots: [root] } : null));
const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => handler(new Request(url, { method, headers }));

describe('media:// handler', () => {
  it('serves the whole file with Accept-Ranges', async () => {
    const r = await get('media://clip/1');
    expect(r.status).toBe(200);
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('content-length')).toBe('1000');
    expect(r.headers.get('content-type')).toBe('video/mp4');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await r.arrayBuffer())).toEqual(bytes);
  });
  it('answers a range with 206 and exactly those bytes', async () => {
    const r = await get('media://clip/1', { Range: 'bytes=100-199' });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(r.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await r.arrayBuffer())).toEqual(bytes.subarray(100, 200));
  });
  it('answers an open-ended and a suffix range', async () => {
    const a = await get('media://clip/1', { Range: 'bytes=990-' });
    expect(a.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect((await a.arrayBuffer()).byteLength).toBe(10);
    const b = await get('media://clip/1', { Range: 'bytes=-5' });
    expect(Buffer.from(await b.arrayBuffer())).toEqual(bytes.subarray(995));
  });
  it('answers 416 with the size when the range is past the end', async () => {
    const r = await get('media://clip/1', { Range: 'bytes=5000-6000' });
    expect(r.status).toBe(416);
    expect(r.headers.get('content-range')).toBe('bytes */1000');
  });
  it('answers HEAD without a body', async () => {
    const r = await get('media://clip/1', {}, 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-length')).toBe('1000');
  });
  it('serves an empty file as empty', async () => {
    const r = await get('media://clip/6');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-length')).toBe('0');
  });
  it.each([
    ['a symlink out of the root', 'media://clip/2', 403],
    ['a path outside the roots', 'media://clip/3', 403],
    ['a dot-dot path', 'media://clip/4', 403],
    ['a missing file', 'media://clip/5', 403],
    ['an unknown id', 'media://clip/99', 404],
    ['a non-numeric id', 'media://clip/abc', 404],
    ['a path instead of an id', 'media://clip/..%2f..%2fetc%2fpasswd', 404],
    ['an absolute path', 'media://clip//etc/passwd', 404],
    ['another host', 'media://file/1', 404],
  ])('refuses %s', async (_l, url, status) => {
    expect((await get(url)).status).toBe(status);
  });
  it('refuses writes', async () => {
    expect((await get('media://clip/1', {}, 'POST')).status).toBe(405);
  });
});
