import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, realPathWithin, resolveAppPath } from '../../../electron/main/protocols/paths';

describe('resolveAppPath', () => {
  const root = '/srv/ui';
  it.each([
    ['/', '/srv/ui/index.html'],
    ['/index.html', '/srv/ui/index.html'],
    ['/assets/app.js', '/srv/ui/assets/app.js'],
    ['/assets/a%20b.js', '/srv/ui/assets/a b.js'],
  ])('serves %s', (p, expected) => expect(resolveAppPath(root, p)).toBe(expected));
  it.each(['/../etc/passwd', '/%2e%2e/etc/passwd', '/assets/%2E%2E/%2e%2e/secret', '/..%2fsecret', '/C:/Windows/win.ini', '/a%00b', '/%E0%A4%A', '/..\\..\\x'])(
    'refuses %s',
    (p) => expect(resolveAppPath(root, p)).toBeNull(),
  );
});

describe('realPathWithin', () => {
  const base = mkdtempSync(join(tmpdir(), 'bwc-paths-'));
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(root, 'a.mp4'), 'x');
  writeFileSync(join(outside, 'secret.mp4'), 'x');
  symlinkSync(join(outside, 'secret.mp4'), join(root, 'link-out.mp4'));
  symlinkSync(join(root, 'a.mp4'), join(root, 'link-in.mp4'));

  it('accepts a file inside a root', () => expect(realPathWithin([root], join(root, 'a.mp4'))).toBe(join(root, 'a.mp4')));
  it('accepts a symlink that stays inside', () => expect(realPathWithin([root], join(root, 'link-in.mp4'))).toBe(join(root, 'a.mp4')));
  it('refuses a symlink out of the root', () => expect(realPathWithin([root], join(root, 'link-out.mp4'))).toBeNull());
  it('refuses a path outside every root', () => expect(realPathWithin([root], join(outside, 'secret.mp4'))).toBeNull());
  it('refuses a dot-dot path that climbs out', () => expect(realPathWithin([root], join(root, '..', 'outside', 'secret.mp4'))).toBeNull());
  it('keeps an encoded leading slash inside the root', () => expect(resolveAppPath('/srv/ui', '/%2fetc/passwd')).toBe('/srv/ui/etc/passwd'));
  it('refuses a missing file', () => expect(realPathWithin([root], join(root, 'nope.mp4'))).toBeNull());
  it('isInside is not fooled by a shared prefix', () => expect(isInside('/a/root', '/a/rootkit/x')).toBe(false));
});
