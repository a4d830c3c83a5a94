import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeBytes, scanRoots, type ScanOptions, type ScanRoot } from '../../../electron/core/library/scan';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The walk only lists and stats, so these files need no real video inside. */
function tree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'bwc-scan-')));
  dirs.push(root);
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), body);
  }
  return root;
}

async function scan(roots: string[], opts: ScanOptions = {}) {
  const scanRootsArg: ScanRoot[] = roots.map((path, i) => ({ id: i + 1, path, realPath: realpathSync(path) }));
  const clips = [];
  const skipped = [];
  for await (const b of scanRoots(scanRootsArg, opts)) {
    clips.push(...b.clips);
    skipped.push(...b.skipped);
  }
  return { clips, skipped, rels: clips.map((c) => c.relPath).sort() };
}

describe('scanRoots', () => {
  it('finds video files by extension, ignores hidden and system entries and other files', async () => {
    const root = tree({
      'a/one.mp4': 'x', 'a/two.MOV': 'xx', 'a/three.m4v': 'x', 'b/four.mkv': 'x', 'b/five.avi': 'x',
      'b/notes.txt': 'x', 'b/photo.jpg': 'x', '.hidden/six.mp4': 'x', 'a/.seven.mp4': 'x', 'Thumbs.db': 'x',
      'desktop.ini': 'x', '$RECYCLE.BIN/eight.mp4': 'x', 'System Volume Information/nine.mp4': 'x',
    });
    const r = await scan([root]);
    expect(r.rels).toEqual(['a/one.mp4', 'a/three.m4v', 'a/two.MOV', 'b/five.avi', 'b/four.mkv']);
    expect(r.skipped).toEqual([]);
    const two = r.clips.find((c) => c.name === 'two.MOV')!;
    expect(two.stat.size).toBe(2);
    expect(two.absPath).toBe(join(root, 'a', 'two.MOV'));
  });

  it('keeps names with spaces, quotes and emoji as they are', async () => {
    const names = ['with space.mp4', `it's "quoted".mp4`, 'emoji 🎥 clip.mp4', 'naïve – café.mov'];
    const root = tree(Object.fromEntries(names.map((n) => [`odd folder 🚓/${n}`, 'x'])));
    const r = await scan([root]);
    expect(r.rels).toEqual(names.map((n) => `odd folder 🚓/${n}`).sort());
  });

  it('attaches Motorola sidecars by stem and an Axis folder metadata.json', async () => {
    const root = tree({
      'm/clip1.mp4': 'x', 'm/CLIP1.json': '{}', 'm/clip1.vtt': 'WEBVTT', 'm/clip2.mp4': 'x', 'm/other.json': '{}',
      'PC1234CE_B4A2000187_20261003T221500Z/20261003T221502Z_7f3a1c.mp4': 'x',
      'PC1234CE_B4A2000187_20261003T221500Z/metadata.json': '{}',
      'plain/metadata.json': '{}', 'plain/x.mp4': 'x',
    });
    const r = await scan([root]);
    const by = (rel: string) => r.clips.find((c) => c.relPath === rel)!;
    expect(by('m/clip1.mp4').json?.path).toBe(join(root, 'm', 'CLIP1.json'));
    expect(by('m/clip1.mp4').vtt?.path).toBe(join(root, 'm', 'clip1.vtt'));
    expect(by('m/clip2.mp4').json).toBeNull();
    const axis = by('PC1234CE_B4A2000187_20261003T221500Z/20261003T221502Z_7f3a1c.mp4');
    expect(axis.axisFolder).toBe('PC1234CE_B4A2000187_20261003T221500Z');
    expect(axis.folderMeta?.stat.size).toBe(2);
    expect(by('plain/x.mp4').folderMeta).toBeNull();
    expect(by('plain/x.mp4').axisFolder).toBeNull();
  });

  it('never follows a link out of the roots, catches loops, and indexes a linked file only at its real path', async () => {
    const outside = tree({ 'secret.mp4': 'x', 'dir/inner.mp4': 'x', 'dir/notes.txt': 'x' });
    const root = tree({ 'sub/a.mp4': 'x', 'b.mp4': 'x' });
    symlinkSync(root, join(root, 'sub', 'loop'));
    symlinkSync(join(root, 'self'), join(root, 'self'));
    symlinkSync(join(outside, 'dir'), join(root, 'out-dir'));
    symlinkSync(join(outside, 'secret.mp4'), join(root, 'out.mp4'));
    symlinkSync(join(root, 'sub'), join(root, 'again'));
    symlinkSync(join(root, 'b.mp4'), join(root, 'alias.mp4'));
    symlinkSync(join(root, 'gone.mp4'), join(root, 'broken.mp4'));
    symlinkSync(join(outside, 'dir', 'notes.txt'), join(root, 'notes-link'));
    symlinkSync(join(root, 'nothing.txt'), join(root, 'broken-notes'));
    const r = await scan([root]);
    expect(r.rels).toEqual(['b.mp4', 'sub/a.mp4']);
    const reason = (name: string) => r.skipped.find((s) => s.path.endsWith(`/${name}`))?.reason;
    expect(reason('loop')).toMatch(/symbolic link loop/);
    expect(reason('self')).toMatch(/symbolic link loop/);
    expect(reason('out-dir')).toMatch(/outside the library roots/);
    expect(reason('out.mp4')).toMatch(/outside the library roots/);
    expect(reason('again')).toMatch(/already scanned/);
    expect(reason('alias.mp4')).toMatch(/indexed at its real path only/);
    expect(reason('broken.mp4')).toMatch(/broken symbolic link/);
    expect(reason('notes-link')).toBeUndefined();
    expect(reason('broken-notes')).toBeUndefined();
  });

  it('follows a link to a folder inside the roots that the walk does not reach otherwise', async () => {
    const root = tree({ '.archive/kept.mp4': 'x' });
    symlinkSync(join(root, '.archive'), join(root, 'archive'));
    const r = await scan([root]);
    expect(r.rels).toEqual(['archive/kept.mp4']);
  });

  it('reports names that are not valid UTF-8 with escaped bytes, and scans the rest', async () => {
    const root = tree({ 'good.mp4': 'x', 'fine\uFFFD.mp4': 'x' });
    const bad = Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.mp4')]);
    writeFileSync(bad, 'x');
    const badDir = Buffer.concat([Buffer.from(`${root}/dir-`), Buffer.from([0xe9])]);
    mkdirSync(badDir);
    const r = await scan([root]);
    expect(r.rels).toEqual(['fine\uFFFD.mp4', 'good.mp4']);
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { kind: 'file', path: join(root, 'bad-\\xFF\\xFE.mp4'), reason: expect.stringMatching(/not valid UTF-8/) },
        { kind: 'folder', path: join(root, 'dir-\\xE9'), reason: expect.stringMatching(/not valid UTF-8/) },
      ]),
    );
  });

  it('reports a folder deleted during the scan and carries on', async () => {
    const root = tree({ 'a/x.mp4': 'x', 'b/y.mp4': 'x', 'c/z.mp4': 'x' });
    const r = await scan([root], {
      beforeReadDir: (dir) => {
        if (dir === join(root, 'b')) rmSync(dir, { recursive: true });
      },
    });
    expect(r.rels).toEqual(['a/x.mp4', 'c/z.mp4']);
    expect(r.skipped).toEqual([{ kind: 'folder', path: join(root, 'b'), reason: expect.stringMatching(/disappeared during the scan/) }]);
  });

  it('lets a root nested in another keep its own clips', async () => {
    const outer = tree({ 'top.mp4': 'x', 'inner/deep.mp4': 'x' });
    const r = await scan([outer, join(outer, 'inner')]);
    expect(r.clips.map((c) => [c.root.id, c.relPath]).sort()).toEqual([[1, 'top.mp4'], [2, 'deep.mp4']]);
  });

  it('stops when cancelled', async () => {
    const root = tree({ 'a/1.mp4': 'x', 'b/2.mp4': 'x', 'c/3.mp4': 'x' });
    const ac = new AbortController();
    const r = await scan([root], { signal: ac.signal, beforeReadDir: (d) => (d.endsWith('/a') ? ac.abort() : undefined) });
    expect(r.rels).toEqual(['a/1.mp4']);
  });
});

describe('escapeBytes', () => {
  it('keeps printable text and valid UTF-8, escapes the rest', () => {
    expect(escapeBytes(Buffer.from([0x61, 0xff, 0x0a, 0xc3, 0xa9, 0xe2, 0x82]))).toBe('a\\xFF\\x0Aé\\xE2\\x82');
  });
});
