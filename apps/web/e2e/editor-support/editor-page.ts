import { expect, type Page } from '@playwright/test';

/** The editor's navigation, by its visible names. */
export const openView = async (page: Page, name: string) => {
  await page.getByRole('navigation', { name: 'Einstellungen' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
};

/** Saves the current section and waits for the confirmation. */
export const saveSection = async (page: Page) => {
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /^Gespeichert \(Version \d+\)\.$/ }),
  ).toBeVisible();
};

/** The agent-prompt preview beside a section. */
export const promptPreview = (page: Page) =>
  page.getByRole('complementary', { name: 'Vorschau: Prompt des KI-Agenten' });
