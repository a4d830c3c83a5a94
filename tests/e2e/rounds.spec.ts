import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/open';
import { saveUser } from '../../electron/core/users/users';
import { expect, expectAccessible, keepScreenshot, test } from './harness/fixtures';
import { openScreen, register } from './harness/steps';

function roundRows(dbPath: string): { rounds: number; sampled: number; calibration: number } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      rounds: n('SELECT count(*) FROM rounds'),
      sampled: n('SELECT count(*) FROM round_incidents'),
      calibration: n('SELECT count(DISTINCT incident_id) FROM assignments WHERE calibration = 1'),
    };
  } finally {
    db.close();
  }
}

test('a BCU lead draws a stratified round on the demo library with a live preview, then reads its statement', async ({ app }) => {
  const { page } = app;
  await register(page, 'Insp Sam Reid', 'BCU lead');
  // The demo library is indexed in the background on first start.
  await expect(page.getByRole('status').filter({ hasText: /\d+ incidents?\./ })).not.toHaveText(/^0 incidents/, { timeout: 30_000 });
  // A second reviewer, so a share of the sample can be double-scored.
  const db = openDatabase(app.dbPath);
  saveUser(db, 'e2e', { id: 'sgt.b', displayName: 'Sgt Bea Khan', role: 'reviewer', officerIds: [] });
  db.close();

  await openScreen(page, 'Rounds');
  await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();
  await expect(page.getByText('No audit round has been drawn yet.')).toBeVisible();
  await page.getByRole('button', { name: 'New round' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New round' })).toBeVisible();

  await page.getByLabel('Round name').fill('Central East — October 2026');
  await page.getByLabel('BCU', { exact: true }).selectOption('Central East');
  await page.getByLabel('Month', { exact: true }).fill('2026-10');
  const preview = page.getByRole('region', { name: 'Preview' });
  // October 2026 in the demo: six incidents over three teams.
  await expect(preview.getByText(/Frame: 6 incidents/)).toBeVisible();

  // Fixed size by keyboard; too large first: the problem is named in an alert and on the field.
  await page.getByLabel('Fixed number').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Number of incidents (n)').fill('99');
  const alert = preview.getByRole('alert');
  await expect(alert).toContainText('Fixed sample size 99 is larger than the frame (6 incidents)');
  await expect(page.getByLabel('Number of incidents (n)')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Number of incidents (n)').fill('4');
  await expect(alert).toHaveCount(0);
  await expect(preview.getByText('n = 4')).toBeVisible();
  await expect(preview.getByText(/Fixed sample of 4\./)).toBeVisible();
  const allocation = preview.getByRole('table', { name: /Allocation over 3 strata/ });
  await expect(allocation.getByRole('row')).toHaveCount(5);

  await page.getByLabel('Seed (optional)').fill('2026');
  await page.getByLabel(/Insp Sam Reid/).check();
  await page.getByLabel(/Sgt Bea Khan/).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Calibration: share double-scored blind (%)').fill('25');
  await expectAccessible(page, 'new round form');
  await keepScreenshot(page, 'rounds-form');

  await page.getByRole('button', { name: 'Draw and lock the round' }).focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'Round 1: Central East — October 2026' });
  await expect(heading).toBeFocused();

  const statement = page.locator('.round-statement');
  await expect(statement.getByText('bwc-dip sample verify 1')).toBeVisible();
  await expect(statement).toContainText('Frame size6 incidents');
  await expect(statement).toContainText(/Frame hash.*[0-9a-f]{64}/);
  await expect(statement).toContainText('Algorithmbwc-stratified-fy version 1, PRNG mt19937');
  await expect(statement).toContainText('Seed2026 (given)');
  await expect(statement).toContainText('Strata' + 'team');
  await expect(statement).toContainText('Calibration1 incident double-scored blind (25% asked)');
  await expect(page.getByRole('table', { name: 'Sample in draw order, with who reviews each incident' }).getByRole('row')).toHaveCount(5);
  const progress = page.getByRole('table', { name: 'Progress per reviewer' });
  await expect(progress.getByRole('row')).toHaveCount(3);
  await expect(progress.getByRole('row', { name: /Sgt Bea Khan/ })).toBeVisible();
  await expectAccessible(page, 'round statement');
  await keepScreenshot(page, 'rounds-statement');
  expect(roundRows(app.dbPath)).toEqual({ rounds: 1, sampled: 4, calibration: 1 });

  await page.getByRole('button', { name: "Verify against today's library" }).click();
  await expect(page.getByText('Identical.')).toBeVisible();

  await page.getByRole('button', { name: 'Back to the rounds' }).click();
  await expect(page.getByRole('table', { name: 'Audit rounds, newest first' }).getByRole('button', { name: '1: Central East — October 2026' })).toBeVisible();
});
