import { expect, test } from '@playwright/test';

test('the product server serves the web app', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
