import { expect, type Page } from '@playwright/test';

/** The first-run form, as a person fills it in (keyboard-reachable labels). */
export async function register(page: Page, name: string, role: 'Reviewer' | 'BCU lead' | 'Quality team', officers = ''): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to BWC Dip Sampler' })).toBeVisible();
  await page.getByLabel('Your name and rank').fill(name);
  await page.getByLabel(new RegExp(`^${role}`)).check();
  if (officers) await page.getByLabel(/collar or warrant numbers/).fill(officers);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Main navigation by its visible label. */
export async function openScreen(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label }).click();
}
