import { expect, expectAccessible, keepScreenshot, test } from './harness/fixtures';
import { createReviewRound } from './harness/reviewRound';
import { openScreen, register } from './harness/steps';

/**
 * WCAG 1.4.4 / 1.4.10: at 200% zoom a 1400×900 window is 700×450 CSS pixels. Every screen must reflow without
 * horizontal scrolling of the page, and the review form must stay operable by keyboard.
 */
test('every screen reflows at 200% zoom and the review form still works', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 700, height: 450 });
  await register(page, 'Sgt Alex Morgan', 'Reviewer');
  const round = createReviewRound(app.dbPath, { incidents: 1, assign: () => ['sgt.e2e'] });
  const pageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  for (const screen of ['Library', 'Rounds', 'My reviews', 'Calibration', 'Reports']) {
    await openScreen(page, screen);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
    expect(await pageOverflow(), `${screen} scrolls sideways at 200% zoom: ${wide.join('; ')}`).toBeLessThanOrEqual(1);
  }

  await openScreen(page, 'My reviews');
  await page.getByRole('button', { name: /^Start next/ }).click();
  await expect(page.getByText('Incident 1 of 1')).toBeVisible();
  expect(await pageOverflow(), 'review workspace scrolls sideways at 200% zoom').toBeLessThanOrEqual(1);
  const scope = page.locator('#q-scope');
  await scope.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await expect(scope.getByRole('radio').first()).toBeChecked();
  await expectAccessible(page, 'review at 200% zoom');
  await keepScreenshot(page, 'review-200-percent');
  void round;
});
