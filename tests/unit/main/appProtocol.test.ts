import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppHandler } from '../../../electron/main/protocols/app';
import { isAllowedNavigation } from '../../../electron/main/navigation';

const base = mkdtempSync(join(tmpdir(), 'bwc-ui-'));
const ui = join(base, 'ui');
mkdirSync(join(ui, 'assets'), { recursive: true });
writeFileSync(join(ui, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'secret');
const handler = createAppHandler(ui);

describe('app:// handler', () => {
  it('serves index.html with the CSP', async () => {
    const r = await handler(new Request('app://bwc/'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('content-security-policy')).toContain('media-src media:');
  });
  it('serves assets', async () => {
    const r = await handler(new Request('app://bwc/assets/app.js'));
    expect(await r.text()).toBe('console.log(1)');
  });
  // The URL parser already folds '%2e%2e' segments; whatever survives it must still never leave the UI folder.
  it.each(['app://bwc/%2e%2e/secret.txt', 'app://bwc/assets/%2E%2E%2F..%2Fsecret.txt', 'app://bwc/..%5csecret.txt', 'app://bwc/assets/..%2f..%2fsecret.txt'])(
    'never serves a file outside the UI folder for %s',
    async (u) => {
      const r = await handler(new Request(u));
      expect([403, 404]).toContain(r.status);
      expect(await r.text()).not.toBe('secret');
    },
  );
  it('404s a missing file and another host', async () => {
    expect((await handler(new Request('app://bwc/nope.js'))).status).toBe(404);
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
  });
});

describe('navigation policy', () => {
  it.each([
    ['app://bwc/index.html', true],
    ['app://bwc/#/rounds', true],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['media://clip/1', false],
    ['app://evil/index.html', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => expect(isAllowedNavigation(url)).toBe(ok));
});
