import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, keepScreenshot, expectAccessible } from './harness/fixtures';
import { register } from './harness/steps';

test('the demo library is indexed on first run and browsable by keyboard', async ({ app }) => {
  const { page } = app;
  await register(page, 'Sgt Alex Morgan', 'Reviewer');
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  // The demo is indexed in the background on first start; the list fills in when it is done.
  await expect(page.getByRole('status').filter({ hasText: /\d+ incidents?\./ })).not.toHaveText(/^0 incidents/, { timeout: 30_000 });
  const rows = page.getByRole('table', { name: 'Incidents' }).getByRole('row');
  await expect(rows.nth(1)).toContainText(/CAD|none/);
  await keepScreenshot(page, 'library-demo');
  await expectAccessible(page, 'library');

  // Keyboard: focus the first row, move down, open it.
  await rows.nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Incident / })).toBeVisible();
  await expect(page.locator('.incident-detail .clip-list li').first()).toBeVisible();

  // Filtering by team narrows the list.
  const before = await page.getByRole('status').filter({ hasText: /incidents?\./ }).textContent();
  const team = page.getByLabel('Team');
  const options = await team.locator('option').allTextContents();
  await team.selectOption(options[1]!);
  await expect(page.getByRole('status').filter({ hasText: /incidents?\./ })).not.toHaveText(before!);
  await keepScreenshot(page, 'library-detail');
});

/** 10,000 real (tiny) MP4 files in 100 officer folders, each a copy of one ffmpeg clip. */
function makeCorpus(): string {
  const corpus = mkdtempSync(join(tmpdir(), 'bwc-10k-'));
  const template = join(corpus, 'template.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=32x32:r=5', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-metadata', 'creation_time=2026-10-01T10:00:00Z', template]);
  const root = join(corpus, 'footage');
  for (let d = 0; d < 100; d++) {
    const dir = join(root, `officer-${String(d).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100; f++) copyFileSync(template, join(dir, `clip-${String(f).padStart(3, '0')}.mp4`));
  }
  return root;
}

test('indexing a generated 10k-clip corpus from the UI, with progress, while the window stays responsive', async ({ app }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = app;
  const root = makeCorpus();
  await register(page, 'Insp Sam Patel', 'BCU lead');
  // The native folder picker (the double answers it with the corpus folder) fills the field.
  app.chooseNext([root]);
  await page.getByRole('button', { name: 'Choose folders…' }).click();
  await expect(page.getByLabel('Folders to index (one per line)')).toHaveValue(root);
  await page.getByRole('button', { name: 'Index these folders' }).click();
  await expect(page.getByRole('button', { name: 'Cancel indexing' })).toBeVisible();
  // Round trips from the window to the core while it indexes (reported, not asserted: timings vary by machine).
  const rtts = await page.evaluate(async () => {
    const out: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await window.bwc.invoke['app.info']!({});
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  });
  testInfo.annotations.push({ type: 'ipc round trip while indexing (ms)', description: `max ${Math.max(...rtts).toFixed(1)}, median ${rtts.sort((a, b) => a - b)[10]!.toFixed(1)}` });
  await expect(page.getByText(/Indexed: 10000 files scanned, 10000 added/)).toBeVisible({ timeout: 150_000 });
  await expect(page.getByRole('status').filter({ hasText: /incidents?\./ })).toContainText(/1[0-9],?\d{3} incidents/);
  await keepScreenshot(page, 'library-10k');
});

test('an index run can be cancelled from the window and keeps what it did', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const root = makeCorpus();
  await register(page, 'Insp Sam Patel', 'BCU lead');
  await page.getByLabel('Folders to index (one per line)').fill(root);
  await page.getByRole('button', { name: 'Index these folders' }).click();
  await page.getByRole('button', { name: 'Cancel indexing' }).click();
  await expect(page.getByText(/Indexing cancelled; kept what was done: \d+ files scanned/)).toBeVisible({ timeout: 60_000 });
  // A second run finishes the work.
  await page.getByRole('button', { name: 'Re-index all folders' }).click();
  await expect(page.getByText(/Indexed: 100\d\d files scanned/)).toBeVisible({ timeout: 150_000 });
});
