import { expect, test } from '@playwright/test';
import { openView } from './editor-support/editor-page.ts';
import { createOwner, logIn } from './editor-support/owner.ts';

test('the editor needs a login, and after logout it leads to the login again', async ({
  page,
  request,
}) => {
  const owner = await createOwner(request);

  await test.step('Without a session a settings screen leads to the login', async () => {
    await page.goto('/settings/voice');
    await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fvoice$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  });

  await test.step('A wrong password is refused with a message', async () => {
    await page.getByLabel('E-Mail-Adresse').fill(owner.email);
    await page.getByLabel('Passwort', { exact: true }).fill('falsches-passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert')).toHaveText('E-Mail-Adresse oder Passwort ist falsch.');
    await expect(page.getByLabel('Passwort', { exact: true })).toHaveAttribute(
      'aria-describedby',
      'ed-login-error',
    );
  });

  await test.step('The right password leads back to the screen that asked', async () => {
    await page.getByLabel('Passwort', { exact: true }).fill(owner.password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/settings\/voice$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sprachagent' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(owner.email);
    await expect(page.getByRole('banner')).toContainText(owner.studioName);
  });

  await test.step('The interface switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Voice agent' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sprachagent' })).toBeVisible();
  });

  await test.step('Logout leads to the login; the settings stay behind it', async () => {
    await openView(page, 'Allgemein');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await page.goto('/settings/general');
    await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fgeneral$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await expect(page.getByLabel('Sprache des Studios')).toHaveCount(0);
  });

  await test.step('Logging in again works', async () => {
    await logIn(page, owner);
  });
});
