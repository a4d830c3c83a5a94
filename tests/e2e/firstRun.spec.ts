import { test, expect, keepScreenshot, expectAccessible } from './harness/fixtures';

test('first run: name and role, then the demo library', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Welcome to BWC Dip Sampler' })).toBeVisible();
  await expectAccessible(page, 'first run');
  await keepScreenshot(page, 'first-run');
  await page.getByLabel('Your name and rank').fill('Sgt Alex Morgan');
  await page.getByLabel(/BCU lead/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.getByText('Sgt Alex Morgan · lead')).toBeVisible();
});
