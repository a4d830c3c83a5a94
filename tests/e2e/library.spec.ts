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

test('indexing a generated 10k-clip corpus from the UI, with progress', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const corpus = mkdtempSync(join(tmpdir(), 'bwc-10k-'));
  const template = join(corpus, 'template.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=32x32:r=5', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-metadata', 'creation_time=2026-10-01T10:00:00Z', template]);
  const root = join(corpus, 'footage');
  for (let d = 0; d < 100; d++) {
    const dir = join(root, `officer-${String(d).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100; f++) copyFileSync(template, join(dir, `clip-${String(f).padStart(3, '0')}.mp4`));
  }
  await register(page, 'Insp Sam Patel', 'BCU lead');
  // The native folder picker (the double answers it with the corpus folder) fills the field.
  app.chooseNext([root]);
  await page.getByRole('button', { name: 'Choose folders…' }).click();
  await expect(page.getByLabel('Folders to index (one per line)')).toHaveValue(root);
  await page.getByRole('button', { name: 'Index these folders' }).click();
  await expect(page.getByText(/Indexed: 10000 files scanned, 10000 added/)).toBeVisible({ timeout: 150_000 });
  await expect(page.getByRole('status').filter({ hasText: /incidents?\./ })).toContainText(/1[0-9],?\d{3} incidents/);
  await keepScreenshot(page, 'library-10k');
});
