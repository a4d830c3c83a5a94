import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { openDatabase } from '../../electron/core/db/open';
import { getRubric } from '../../electron/core/rubrics/catalogue';
import { submitReview } from '../../electron/core/reviews/submit';
import { emptyAnswers } from '../../shared/rubric/answers';
import { expect, expectAccessible, keepScreenshot, test } from './harness/fixtures';
import { createReviewRound, markClipMissing } from './harness/reviewRound';
import { openScreen, register } from './harness/steps';

const RESOURCES = resolve(__dirname, '../../resources');
const rubric = getRubric(RESOURCES, 'child-focus', 1);

const videoTime = (page: Page) => page.evaluate(() => document.querySelector('video')?.currentTime ?? -1);

function auditCount(dbPath: string, action: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;
  } finally {
    db.close();
  }
}

const title = (ref: string | null | undefined, id: number) => ref ?? `Incident ${id}`;

/** Answers one item by keyboard: focus its first answer and move with the arrow keys, as a radio group works. */
async function answerByKeyboard(page: Page, itemId: string, steps: number): Promise<void> {
  const group = page.locator(`#q-${itemId}`);
  await group.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
}

test('a reviewer watches, pins and scores by keyboard; the draft survives a restart; submit, then amend with a reason', async ({ app }) => {
  let page = app.page;
  await register(page, 'Sgt Alex Morgan', 'Reviewer');
  const round = createReviewRound(app.dbPath, { incidents: 3, assign: () => ['sgt.e2e'] });
  const [firstId] = round.incidentIds as [number];
  const name = title(round.references.get(firstId), firstId);

  await openScreen(page, 'My reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'My reviews' })).toBeVisible();
  await expect(page.getByText('0 of 3 submitted · 0 draft · 3 not started')).toBeVisible();
  await expectAccessible(page, 'review queue');
  await keepScreenshot(page, 'review-queue');

  await page.getByRole('button', { name: `Start next: ${name}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
  await expect(page.getByText('Incident 1 of 3')).toBeVisible();

  // Play by keyboard; the first play of a clip is a consultation in the audit log.
  await page.getByRole('button', { name: 'Play / pause' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => videoTime(page), { timeout: 15_000 }).toBeGreaterThan(0.5);
  await expect.poll(() => auditCount(app.dbPath, 'consultation')).toBe(1);
  await page.keyboard.press('k');
  const before = await videoTime(page);
  await page.keyboard.press('l');
  await expect.poll(() => videoTime(page)).toBeGreaterThan(before + 1);
  await page.keyboard.press('j');
  await expect.poll(() => videoTime(page)).toBeLessThan(before + 1);
  await page.keyboard.press('l');
  await expect.poll(() => videoTime(page)).toBeGreaterThan(before + 1);

  await page.locator('#q-scope').getByRole('radio', { name: 'Yes' }).focus();
  await page.keyboard.press('Space');
  // Item 3: answer, then P pins the playhead to it.
  await answerByKeyboard(page, '3', 0);
  const playhead = await videoTime(page);
  await page.keyboard.press('p');
  const item3 = page.locator('#q-3');
  await expect(item3.getByRole('button', { name: /^Go to .* at \d\d:\d\d$/ })).toHaveCount(1);
  await item3.getByLabel('Notes for item 3').fill('Officer knelt and spoke to the child at 00:02');
  // Item 2: the pin button, reached by keyboard.
  await page.locator('#q-2').getByRole('button', { name: 'Pin current moment to item 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#q-2').getByRole('button', { name: /^Go to/ })).toHaveCount(1);
  await answerByKeyboard(page, '1', 1); // Partly
  await expect(page.getByRole('status').filter({ hasText: /^Saved \d\d:\d\d:\d\d$/ })).toBeVisible();
  await expectAccessible(page, 'review workspace');
  await keepScreenshot(page, 'review-workspace');

  // A restart mid-way (crash, flat battery): everything typed is in the database.
  page = await app.restart();
  await openScreen(page, 'My reviews');
  await expect(page.getByText('0 of 3 submitted · 1 draft · 2 not started')).toBeVisible();
  await page.getByRole('button', { name: `Open ${name}` }).click();
  await expect(page.locator('#q-scope').getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(page.locator('#q-3').getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(page.locator('#q-1').getByRole('radio', { name: 'Partly' })).toBeChecked();
  await expect(page.locator('#q-3').getByLabel('Notes for item 3')).toHaveValue('Officer knelt and spoke to the child at 00:02');
  await expect(page.locator('#q-2').getByRole('button', { name: /^Go to/ })).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /^Draft saved/ })).toBeVisible();

  // Following a pin seeks the player there.
  await page.locator('#q-3').getByRole('button', { name: /^Go to/ }).click();
  await expect.poll(async () => Math.abs((await videoTime(page)) - playhead), { timeout: 15_000 }).toBeLessThan(0.5);

  for (const item of rubric.items) {
    if (['1', '3'].includes(item.id)) continue;
    await page.locator(`#q-${item.id}`).getByRole('radio', { name: item.number % 2 ? 'Yes' : 'Not visible on footage' }).check();
  }
  await page.locator(`#q-${rubric.overall.id}`).getByRole('radio', { name: 'Requires improvement' }).check();
  await page.getByLabel('Learning note (required)').fill('Child seen and spoken to, but not alone.');

  // Escalation: prominent, and its note is required.
  await page.getByLabel(rubric.escalation.text).check();
  await expect(page.getByRole('alert').filter({ hasText: 'Escalation raised.' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit review' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'to finish before submitting' });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('link')).toHaveCount(1);
  await expect(problems.getByRole('link')).toBeFocused();
  await keepScreenshot(page, 'review-submit-problems');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(/^Escalation note/)).toBeFocused();
  await page.keyboard.type('Bruise on forearm seen at 00:03; no Merlin PAC raised.');
  await page.getByRole('button', { name: 'Submit review' }).click();

  await expect(page.getByRole('heading', { name: 'Submitted', exact: true })).toBeVisible();
  await expect(page.locator('#q-3').getByRole('radio', { name: 'Yes' })).toBeDisabled();
  await expect(page.getByRole('heading', { name: /^Revision 1: submitted by sgt\.e2e/ })).toBeVisible();

  // Amend: a reason is required, and the history keeps both revisions.
  await page.getByRole('button', { name: 'Amend this review' }).click();
  await page.locator('#q-3').getByRole('radio', { name: 'Partly' }).check();
  await page.getByRole('button', { name: 'Save amendment' }).click();
  await expect(page.getByText('Give a reason for the amendment.')).toBeVisible();
  await expect(page.getByLabel('Reason for the amendment (required)')).toBeFocused();
  await page.keyboard.type('Re-watched: the child was spoken to in front of the suspect.');
  await page.getByRole('button', { name: 'Save amendment' }).click();
  await expect(page.getByRole('heading', { name: /^Revision 2: amended by sgt\.e2e/ })).toBeVisible();
  await expect(page.getByText('Re-watched: the child was spoken to in front of the suspect.')).toBeVisible();
  const change = page.getByRole('row', { name: /Item 3 answer/ });
  await expect(change).toContainText('Yes');
  await expect(change).toContainText('Partly');
  expect(auditCount(app.dbPath, 'alteration')).toBeGreaterThanOrEqual(1);
  await expectAccessible(page, 'review history');
  await keepScreenshot(page, 'review-history');

  await page.getByRole('button', { name: '← My reviews' }).click();
  await expect(page.getByText('1 of 3 submitted · 0 draft · 2 not started')).toBeVisible();
});

test.describe('blind calibration', () => {
  test.use({ user: 'sgt.b' });

  test("the second reviewer cannot see the first reviewer's answers until both have submitted", async ({ app }) => {
    const { page } = app;
    await register(page, 'Sgt Blake', 'Reviewer');
    const round = createReviewRound(app.dbPath, {
      incidents: 1,
      users: [{ id: 'sgt.a', displayName: 'Sgt Avery' }],
      assign: () => ['sgt.a', 'sgt.b'],
    });
    const incidentId = round.incidentIds[0]!;
    // The first reviewer scores through the core, on the same database the app has open.
    const a = emptyAnswers(rubric);
    a.scope = 'yes';
    for (const item of rubric.items) a.items[item.id] = { answer: 'no', notes: 'AVERY-PRIVATE-NOTE', evidence: [] };
    a.overall = { answer: 'inadequate', learningNote: 'AVERY-PRIVATE-NOTE' };
    const db = openDatabase(app.dbPath);
    submitReview(db, RESOURCES, 'sgt.a', { roundId: round.roundId, incidentId, answers: a });
    db.close();

    await openScreen(page, 'My reviews');
    await expect(page.getByRole('cell', { name: 'Double-scored (blind)' })).toBeVisible();
    await page.getByRole('button', { name: /^Start next/ }).click();
    await expect(page.getByRole('heading', { name: 'Double-scored incident' })).toBeVisible();
    await expect(page.getByText('Also scored by Sgt Avery (submitted).')).toBeVisible();
    await expect(page.getByText('AVERY-PRIVATE-NOTE')).toHaveCount(0);
    // Not merely hidden: the core does not send them.
    const reply = await page.evaluate((key) => window.bwc.invoke['reviews.get']!(key), { roundId: round.roundId, incidentId });
    expect(JSON.stringify(reply)).not.toContain('AVERY-PRIVATE-NOTE');
    expect(JSON.stringify(reply)).toContain('"blind":true');
    await expectAccessible(page, 'calibration, blind');
    await keepScreenshot(page, 'review-calibration-blind');

    await page.locator('#q-scope').getByRole('radio', { name: 'Yes' }).check();
    for (const item of rubric.items) await page.locator(`#q-${item.id}`).getByRole('radio', { name: 'Yes' }).check();
    await page.locator(`#q-${rubric.overall.id}`).getByRole('radio', { name: 'Good' }).check();
    await page.getByLabel('Learning note (required)').fill('Good practice throughout.');
    await page.getByRole('button', { name: 'Submit review' }).click();

    await expect(page.getByRole('heading', { name: 'Answers side by side' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Sgt Avery' })).toBeVisible();
    await expect(page.getByRole('row', { name: /^Item 1 Yes No \(differs\)$/ })).toBeVisible();
    await expectAccessible(page, 'calibration, open');
    await keepScreenshot(page, 'review-calibration-open');
  });
});

test('a missing clip says so, and the review can still be completed; usable at 200% zoom', async ({ app }) => {
  const { page } = app;
  await register(page, 'Sgt Casey', 'Reviewer');
  const round = createReviewRound(app.dbPath, { incidents: 1, assign: () => ['sgt.e2e'] });
  const incidentId = round.incidentIds[0]!;
  markClipMissing(app.dbPath, round.clips.get(incidentId)![0]!);

  // 200% zoom of a 1400 px window is a 700 CSS px viewport.
  await page.setViewportSize({ width: 700, height: 900 });
  await openScreen(page, 'My reviews');
  await page.getByRole('button', { name: /^Start next/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This clip is missing from the library.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pin current moment to item 1', exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await expectAccessible(page, 'review, missing clip');
  await keepScreenshot(page, 'review-missing-clip');

  await page.locator('#q-scope').getByRole('radio', { name: 'Yes' }).check();
  await page.locator('#q-1').getByRole('button', { name: 'Pin current moment to item 1' }).click();
  await expect(page.getByText('Nothing to pin: choose a camera that can be played first.')).toBeVisible();
  for (const item of rubric.items) await page.locator(`#q-${item.id}`).getByRole('radio', { name: 'Not visible on footage' }).check();
  await page.locator(`#q-${rubric.overall.id}`).getByRole('radio', { name: 'Inadequate' }).check();
  await page.getByLabel('Learning note (required)').fill('Main camera clip missing; nothing could be seen.');
  await page.getByRole('button', { name: 'Submit review' }).click();
  await expect(page.getByRole('heading', { name: 'Submitted', exact: true })).toBeVisible();
});
