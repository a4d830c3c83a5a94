import Database from 'better-sqlite3';
import { test, expect, keepScreenshot, expectAccessible } from './harness/fixtures';
import { openScreen, register } from './harness/steps';
import { childFocus } from '../unit/calibration/fixtures';
import { seedOctober } from '../integration/calibration/october';

/** The October calibration (see tests/integration/calibration/october.ts) written into the running app's database. */
function seed(dbPath: string): void {
  const db = new Database(dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    seedOctober(db, childFocus(), null);
  } finally {
    db.close();
  }
}

test('calibration: agreement per item, reviewer deviation and answers side by side', async ({ app }) => {
  const { page } = app;
  await register(page, 'Ms Quality Analyst', 'Quality team');
  seed(app.dbPath);
  await openScreen(page, 'Calibration');
  await expect(page.getByRole('heading', { name: 'Calibration', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Round')).toHaveValue(/\d+/);
  await expect(page.getByLabel('Round').locator('option:checked')).toHaveText('October 2026 — 8 calibration incidents, 7 double-scored');

  const items = page.getByRole('table', { name: /Agreement per item/ });
  const first = items.getByRole('row').nth(1);
  await expect(first.getByRole('rowheader')).toContainText('Item 3');
  await expect(first).toContainText('Unreliable');
  await expect(first).toContainText('4 of 6');
  await expect(items.getByRole('row')).toHaveCount(18);

  const reviewers = page.getByRole('table', { name: /Reviewer deviation/ });
  await expect(reviewers.getByRole('row', { name: /Sgt Ash Patel/ })).toContainText('Harsher than the others');
  await expect(reviewers.getByRole('row', { name: /Sgt Bell Okafor/ })).toContainText('More lenient than the others');
  await expect(reviewers.getByRole('row', { name: /Insp Carr Lewis/ })).toContainText('In line with the others');

  const incident = page.getByRole('region', { name: /CAD 4101\/01OCT26/ });
  await expect(incident.getByRole('heading')).toContainText('4 questions differ');
  const item3 = incident.getByRole('row', { name: /Item 3/ });
  await expect(item3).toContainText('No');
  await expect(item3).toContainText('Yes');
  await expect(item3).toContainText('≠ Differs (2 steps apart)');
  // Only differing questions by default; the whole form on request.
  await expect(incident.getByRole('row')).toHaveCount(5);
  await page.getByLabel('Show only the questions where answers differ').uncheck();
  await expect(incident.getByRole('row')).toHaveCount(20);
  await expect(incident.getByRole('row', { name: /Item 1 / })).toContainText('Same');
  await page.getByLabel('Show only the questions where answers differ').check();

  await expect(page.getByRole('region', { name: /CAD 4106\/06OCT26/ })).toContainText('Waiting for a second submitted review');
  await expect(page.getByText(/made with rubric child-focus v2/)).toBeVisible();

  // The whole-rubric alpha with its seeded bootstrap interval.
  await expect(page.getByRole('listitem').filter({ hasText: /bootstrap interval/ }).first()).toContainText(/α = .*95% bootstrap interval .* to .*, 1,000 resamples, seed \d+ \(the round id\), mt19937/);

  await expectAccessible(page, 'calibration');
  await keepScreenshot(page, 'calibration');

  // A link into the review: opened from the comparison with the keyboard, read-only, and closed with Escape.
  const open = incident.getByRole('button', { name: /Open Sgt Ash Patel's review/ });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: "Sgt Ash Patel's review (read-only)" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Item 3 / })).toContainText('No');
  await expect(dialog.getByRole('row', { name: /Overall/ })).toContainText('Requires improvement');
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page, 'calibration review');
  await keepScreenshot(page, 'calibration-review');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();
  // Close button too, and the blind rule: no button on an incident still being scored.
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(open).toBeFocused();
  await expect(page.getByRole('region', { name: /CAD 4106\/06OCT26/ }).getByRole('button')).toHaveCount(0);
});

test('calibration is explained, not shown, to a reviewer', async ({ app }) => {
  const { page } = app;
  await register(page, 'Sgt Robin Hale', 'Reviewer');
  seed(app.dbPath);
  await openScreen(page, 'Calibration');
  await expect(page.getByRole('heading', { name: 'Calibration', level: 1 })).toBeVisible();
  await expect(page.getByText(/open to the quality team and BCU leads; you are registered as a reviewer/)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page, 'calibration (reviewer)');
});
