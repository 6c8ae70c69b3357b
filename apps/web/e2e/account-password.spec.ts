import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { openView } from './editor-support/editor-page.ts';
import { linkIn, RESET_SUBJECT, waitForMail } from './editor-support/mail.ts';
import { createOwner, logIn } from './editor-support/owner.ts';
import { expectAccessible, expectFieldError, heading, uniqueEmail } from './support/wizard.ts';

const NEW_PASSWORD = 'Langhantel-Kniebeuge-2026';
const FORGOT_ANSWER =
  'Wenn zu dieser Adresse ein Konto besteht, haben wir eine E-Mail mit einem Link geschickt. Der Link ist 60 Minuten gültig.';

const newPage = async (browser: Browser, testInfo: TestInfo): Promise<Page> => {
  const { baseURL, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  return context.newPage();
};

/** A page whose session has ended lands on the login at its next load. */
const expectLoggedOut = async (page: Page) => {
  await page.reload();
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(heading(page, 'Anmelden')).toBeVisible();
};

test('a forgotten password is replaced through the mailed link; the old one stops working', async ({
  page,
  request,
  browser,
}, testInfo) => {
  const owner = await createOwner(request);
  const elsewhere = await newPage(browser, testInfo);
  await logIn(elsewhere, owner);
  const email = page.getByLabel('E-Mail-Adresse');
  const newPassword = page.getByLabel('Neues Passwort', { exact: true });
  const repeat = page.getByLabel('Neues Passwort wiederholen');
  const save = page.getByRole('button', { name: 'Passwort speichern' });
  let resetLink = '';

  await test.step('“Passwort vergessen?” on the login takes the address along', async () => {
    await page.goto('/login');
    await email.fill(owner.email);
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await expect(page).toHaveURL(/\/forgot-password\?email=/);
    await expect(heading(page, 'Passwort vergessen')).toBeVisible();
    await expect(email).toHaveValue(owner.email);
    await expectAccessible(page, 'forgot-password');
  });

  await test.step('An unknown address gets the very same answer', async () => {
    await email.fill(uniqueEmail('nobody'));
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    await expect(page.getByRole('status')).toHaveText(FORGOT_ANSWER);
  });

  await test.step('The owner’s address gets the mail with the link', async () => {
    await email.fill(owner.email);
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    const mail = await waitForMail(request, owner.email, RESET_SUBJECT);
    await expect(page.getByRole('status')).toHaveText(FORGOT_ANSWER);
    resetLink = linkIn(mail, '/reset-password');
    await page.goto(resetLink);
    await expect(heading(page, 'Neues Passwort festlegen')).toBeVisible();
    await expect(newPassword).toHaveAccessibleDescription(/Mindestens 8 Zeichen/);
    await expectAccessible(page, 'reset-password');
  });

  await test.step('The repetition must match, and a common password is refused', async () => {
    await newPassword.fill(NEW_PASSWORD);
    await repeat.fill(`${NEW_PASSWORD}!`);
    await save.click();
    await expectFieldError(repeat, 'Die Passwörter stimmen nicht überein.');
    await expect(repeat).toBeFocused();
    await newPassword.fill('password1');
    await repeat.fill('password1');
    await save.click();
    await expectFieldError(
      newPassword,
      'Dieses Passwort ist zu verbreitet. Bitte wählen Sie ein anderes.',
    );
    await expect(newPassword).toBeFocused();
  });

  await test.step('The new password is set, and every session has ended', async () => {
    await newPassword.fill(NEW_PASSWORD);
    await repeat.fill(NEW_PASSWORD);
    await save.click();
    await expect(heading(page, 'Passwort geändert')).toBeFocused();
    await expect(page.getByRole('status')).toContainText('Ihr neues Passwort ist gespeichert.');
    await expectLoggedOut(elsewhere);
  });

  await test.step('The login knows the address; the old password is refused', async () => {
    await page.getByRole('link', { name: 'Zur Anmeldung' }).click();
    await expect(page).toHaveURL(/\/login\?email=/);
    await expect(email).toHaveValue(owner.email);
    await page.getByLabel('Passwort', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert')).toHaveText('E-Mail-Adresse oder Passwort ist falsch.');
  });

  await test.step('The new password logs in', async () => {
    await page.getByLabel('Passwort', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page).toHaveURL(/\/settings\/general$/);
    await expect(heading(page, 'Allgemein')).toBeVisible();
  });

  await test.step('The used link is refused, with a way to a new one', async () => {
    await page.goto(resetLink);
    await newPassword.fill('Ganz-anderes-Passwort-2026');
    await repeat.fill('Ganz-anderes-Passwort-2026');
    await save.click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Dieser Link ist ungültig oder wurde bereits verwendet.');
    await expect(alert.getByRole('link', { name: 'Neuen Link anfordern' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  await test.step('Without its token the screen explains and offers a new link', async () => {
    await page.goto('/reset-password');
    await expect(page.getByText('Dieser Link ist unvollständig.')).toBeVisible();
    await page.getByRole('link', { name: 'Neuen Link anfordern' }).click();
    await expect(heading(page, 'Passwort vergessen')).toBeVisible();
  });
});

test('the password is changed under Sicherheit; the other devices are logged out', async ({
  page,
  request,
  browser,
}, testInfo) => {
  const owner = await createOwner(request);
  const elsewhere = await newPage(browser, testInfo);
  const section = page.getByRole('region', { name: 'Passwort ändern' });
  const current = section.getByLabel('Aktuelles Passwort');
  const newPassword = section.getByLabel('Neues Passwort', { exact: true });
  const repeat = section.getByLabel('Neues Passwort wiederholen');
  const change = section.getByRole('button', { name: 'Passwort ändern' });

  await test.step('Logged in on two devices', async () => {
    await logIn(elsewhere, owner);
    await logIn(page, owner);
    await openView(page, 'Sicherheit');
  });

  await test.step('A wrong current password is refused at its field', async () => {
    await current.fill('nicht-das-passwort');
    await newPassword.fill(NEW_PASSWORD);
    await repeat.fill(NEW_PASSWORD);
    await change.click();
    await expectFieldError(current, 'Das Passwort ist falsch.');
    await expect(current).toBeFocused();
  });

  await test.step('The right one changes it and logs the other device out', async () => {
    await current.fill(owner.password);
    await change.click();
    await expect(section.getByRole('status')).toHaveText(
      'Ihr Passwort ist geändert. 1 anderes Gerät wurde abgemeldet.',
    );
    await expect(current).toHaveValue('');
    await expectLoggedOut(elsewhere);
  });

  await test.step('This device stays logged in; the new password is the one that works', async () => {
    await page.reload();
    await expect(heading(page, 'Sicherheit')).toBeVisible();
    await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    await logIn(page, { ...owner, password: NEW_PASSWORD });
  });
});
