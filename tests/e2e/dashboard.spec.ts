import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test, expect, keepScreenshot, expectAccessible } from './harness/fixtures';
import { openScreen, register } from './harness/steps';
import { october } from '../integration/reports/fixture';

/** Incident ids well clear of the demo library's own. */
const BASE = 900_000;

/** The October 2025 report data (tests/integration/reports/fixture.ts) written into the running app's database. */
function seed(dbPath: string): void {
  const db = new Database(dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.transaction(() => october(db, BASE))();
  } finally {
    db.close();
  }
}

function disclosures(dbPath: string): { recipient: string | null; detail: string }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare("SELECT recipient, detail FROM audit_log WHERE action = 'disclosure' ORDER BY seq").all() as { recipient: string | null; detail: string }[];
  } finally {
    db.close();
  }
}

test('reports: the month on screen with intervals, trend, teams and escalations; export a PDF to a named recipient', async ({ app }) => {
  const { page } = app;
  await register(page, 'Insp Dana Reid', 'BCU lead');
  seed(app.dbPath);
  await openScreen(page, 'Reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByLabel('BCU')).toHaveValue('Central East');
  await expect(page.getByLabel('Month').locator('option:checked')).toHaveText('October 2025');
  await expect(page.getByLabel('Round').locator('option:checked')).toHaveText('All rounds of the month');

  const escalations = page.getByRole('region', { name: /Safeguarding escalations \(1\)/ });
  await expect(escalations).toContainText(`CAD ${BASE + 2}`);
  await expect(escalations).not.toContainText('Baby unseen upstairs');

  const items = page.getByRole('table', { name: /Per-item results/ });
  const item1 = items.getByRole('row', { name: /Officers asked who lives at the address/ });
  await expect(item1).toContainText('50.0% (15.0–85.0%)');
  await expect(item1).toContainText('75.0% (30.1–95.4%)');
  await expect(items.getByRole('row', { name: /Physical condition/ })).toContainText('66.7% (20.8–93.9%)');
  const chart = page.getByRole('img', { name: /Compliance per item/ });
  await expect(chart).toContainText('50.0% (15.0–85.0%) n=4');
  await expect(page.getByText('Completion: 5 of 6 sampled incidents — 83.3% (43.6–97.0%)')).toBeVisible();

  const trend = page.getByRole('table', { name: /Six-month trend/ });
  await expect(trend.getByRole('row', { name: /^Item 1 / })).toContainText('100.0% (4)');
  const teams = page.getByRole('table', { name: /by team/ });
  await expect(teams.getByRole('row', { name: /Team A/ })).toContainText('33.3% (6.1–79.2%)');
  await expect(page.getByRole('region', { name: 'Reviewer agreement' })).toContainText('1 double-scored incidents, 2 reviewers');

  await expectAccessible(page, 'reports dashboard');
  await keepScreenshot(page, 'dashboard');

  // The recipient is required: nothing is written or logged without it.
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.getByText('Say who the export is for')).toBeVisible();
  await expect(page.getByLabel('Recipient (required)')).toBeFocused();
  expect(disclosures(app.dbPath)).toEqual([]);

  await page.getByLabel('Recipient (required)').fill('Central East safeguarding board');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const written = page.getByRole('status').filter({ hasText: 'Written:' });
  await expect(written).toContainText('recorded as a disclosure to Central East safeguarding board');
  const path = (await written.locator('code').first().textContent())!;
  expect(dirname(path)).toBe(join(dirname(app.dbPath), 'exports'));
  expect(path).toMatch(/RPT-2025-10-[0-9A-F]{10}\.pdf$/);
  expect(existsSync(path)).toBe(true);
  expect(readFileSync(path).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  const logged = disclosures(app.dbPath);
  expect(logged).toHaveLength(1);
  expect(logged[0]!.recipient).toBe('Central East safeguarding board');
  expect(JSON.parse(logged[0]!.detail)).toMatchObject({
    kind: 'pdf',
    bcu: 'Central East',
    month: '2025-10',
    file: path,
    sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
  });

  await page.getByRole('button', { name: 'Export answers CSV' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Written:' })).toContainText('-answers.csv');
  expect(disclosures(app.dbPath)).toHaveLength(2);

  // One round on its own.
  await page.getByLabel('Round').selectOption({ label: '1: Central East — October 2025 (6 submitted)' });
  await expect(page.getByText(/round 1 \(Central East — October 2025\)/)).toBeVisible();
  await keepScreenshot(page, 'dashboard-round');
});

test('reports are explained, not shown, to a reviewer', async ({ app }) => {
  const { page } = app;
  await register(page, 'PC Sam Hill', 'Reviewer');
  await openScreen(page, 'Reports');
  await expect(page.getByText(/open to BCU leads and the quality team; you are registered as a reviewer/)).toBeVisible();
  await expectAccessible(page, 'reports for a reviewer');
});
