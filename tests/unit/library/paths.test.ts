import { describe, expect, it } from 'vitest';
import { clipAbsPath, isInside, isInsideAny } from '../../../electron/core/library/paths';

describe('isInside', () => {
  it('accepts the root and what is below it, refuses siblings, parents and look-alike prefixes', () => {
    expect(isInside('/lib/root', '/lib/root')).toBe(true);
    expect(isInside('/lib/root', '/lib/root/a/b.mp4')).toBe(true);
    expect(isInside('/lib/root', '/lib/root/..foo/b.mp4')).toBe(true);
    expect(isInside('/lib/root', '/lib/rootx/b.mp4')).toBe(false);
    expect(isInside('/lib/root', '/lib')).toBe(false);
    expect(isInside('/lib/root', '/elsewhere/b.mp4')).toBe(false);
    expect(isInsideAny(['/a', '/lib/root'], '/lib/root/x')).toBe(true);
    expect(isInsideAny([], '/lib/root/x')).toBe(false);
  });

  it('joins a stored relative path onto its root', () => {
    expect(clipAbsPath('/lib/root', 'a/b c/d.mp4')).toBe('/lib/root/a/b c/d.mp4');
    expect(clipAbsPath('/lib/root/', 'd.mp4')).toBe('/lib/root/d.mp4');
  });
});
