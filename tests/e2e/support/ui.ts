import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The value of an API call that must succeed; the whole result in the failure message otherwise. */
export function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  if (!result.ok) throw new Error('call failed');
  return result.value;
}

/**
 * Waits until a select's menu has faded out: until then its backdrop takes
 * clicks, and giving focus back to the select may scroll the page mid-click.
 */
export async function menuGone(page: Page): Promise<void> {
  await expect(page.locator('.MuiMenu-root')).toHaveCount(0);
}

/** Opens an MUI select by its accessible name and picks the option with exactly this name. */
export async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await menuGone(page);
}
