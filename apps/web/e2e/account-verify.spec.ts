import { expect, type Page, test } from '@playwright/test';
import {
  type CaughtMail,
  codeIn,
  followToNewTab,
  linkIn,
  openCaughtMail,
  otherCode,
  WELCOME_SUBJECT,
  waitForMail,
  whoAmI,
} from './editor-support/mail.ts';
import { createOwner, logIn } from './editor-support/owner.ts';
import {
  createStudio,
  DONE_URL,
  expectAccessible,
  expectFieldError,
  fillUpToReview,
  heading,
  uniqueEmail,
} from './support/wizard.ts';

const banner = (page: Page) => page.getByRole('region', { name: 'E-Mail-Bestätigung' });

test('an owner who signed up confirms the address with the welcome mail’s link', async ({
  page,
  context,
}) => {
  const email = uniqueEmail('verify-link');
  let welcome: CaughtMail | undefined;
  // The mail is read in a second tab, its link opens a third; the editor stays in the first.
  const mailList = await context.newPage();
  let mailTab = mailList;

  await test.step('Sign up through the wizard', async () => {
    await fillUpToReview(page, { studioName: 'Bestätigt Fitness', email });
    await createStudio(page).click();
    await expect(page).toHaveURL(DONE_URL);
  });

  await test.step('The editor asks to confirm the address, above every screen', async () => {
    await page.getByRole('link', { name: 'Zu den Einstellungen' }).click();
    await expect(heading(page, 'Allgemein')).toBeVisible();
    await expect(banner(page)).toContainText(`Bitte bestätigen Sie Ihre E-Mail-Adresse ${email}.`);
    await expect(banner(page).getByLabel('Bestätigungscode')).toBeVisible();
  });

  await test.step('The welcome mail in /dev/mail has the link and the code', async () => {
    welcome = await waitForMail(page.request, email, WELCOME_SUBJECT);
    const text = await openCaughtMail(mailList, welcome);
    await expect(text).toContainText(codeIn(welcome));
    const link = text.getByRole('link', { name: /\/verify-email\?token=/ }).first();
    mailTab = await followToNewTab(mailList, link);
    await expect(mailTab).toHaveURL(/\/verify-email\?token=[\w-]+/);
  });

  await test.step('Opening the link confirms nothing by itself; the button does', async () => {
    await expect(heading(mailTab, 'E-Mail-Adresse bestätigen')).toBeVisible();
    await expect(mailTab).toHaveTitle('E-Mail-Adresse bestätigen – PILAR');
    expect((await whoAmI(mailTab.request))?.emailVerified).toBe(false);
    await expectAccessible(mailTab, 'verify-email');
    await mailTab.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
    await expect(heading(mailTab, 'E-Mail-Adresse bestätigt')).toBeFocused();
    await expect(mailTab.getByRole('status')).toHaveText('Ihre E-Mail-Adresse ist bestätigt.');
    expect((await whoAmI(mailTab.request))?.emailVerified).toBe(true);
    await expectAccessible(mailTab, 'verify-email-done');
  });

  await test.step('Back in the editor’s tab, the banner goes without a reload', async () => {
    await page.bringToFront();
    await page.evaluate('window.dispatchEvent(new Event("focus"))');
    await expect(banner(page)).toHaveCount(0);
  });

  await test.step('The link leads to the settings, which no longer ask', async () => {
    await mailTab.getByRole('link', { name: 'Zu den Einstellungen' }).click();
    await expect(heading(mailTab, 'Allgemein')).toBeVisible();
    await expect(banner(mailTab)).toHaveCount(0);
  });

  await test.step('The used link is refused, and says where to go instead', async () => {
    if (!welcome) throw new Error('no welcome mail');
    await mailTab.goto(linkIn(welcome, '/verify-email'));
    await mailTab.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
    const alert = mailTab.getByRole('alert');
    await expect(alert).toContainText('Dieser Link ist ungültig oder wurde bereits verwendet.');
    await expect(alert.getByRole('link', { name: 'Zu den Einstellungen' })).toHaveAttribute(
      'href',
      '/settings',
    );
  });
});

test('a link without its token is explained, in German and English', async ({ page }) => {
  await page.goto('/verify-email');
  await expect(heading(page, 'E-Mail-Adresse bestätigen')).toBeVisible();
  await expect(page.getByText('Dieser Link ist unvollständig.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' })).toHaveCount(0);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(heading(page, 'Confirm e-mail address')).toBeVisible();
  await expect(page.getByText('This link is incomplete.')).toBeVisible();
  await page.getByRole('button', { name: 'Deutsch' }).click();
});

test('the code from the mail, typed into the banner, confirms the address', async ({
  page,
  request,
}) => {
  const owner = await createOwner(request);
  const code = banner(page).getByLabel('Bestätigungscode');
  const confirm = banner(page).getByRole('button', { name: 'Bestätigen', exact: true });

  await test.step('The banner names the address and offers a code field', async () => {
    await logIn(page, owner);
    await expect(banner(page)).toContainText(owner.email);
    await expect(code).toHaveAttribute('inputmode', 'numeric');
    await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await expectAccessible(page, 'settings with the banner');
  });

  await test.step('A new code right after the welcome mail is refused, with the wait', async () => {
    await banner(page).getByRole('button', { name: 'Code erneut senden' }).click();
    await expect(banner(page)).toContainText(
      /Zu viele Anfragen\. Bitte versuchen Sie es in \d+ Sekunden erneut\./,
    );
  });

  await test.step('A code that is not six digits is explained at the field', async () => {
    await code.fill('12a4');
    await confirm.click();
    await expectFieldError(code, 'Der Code besteht aus 6 Ziffern.');
    await expect(code).toBeFocused();
  });

  const welcome = await waitForMail(request, owner.email, WELCOME_SUBJECT);

  await test.step('A wrong code says how many attempts are left', async () => {
    await code.fill(otherCode(codeIn(welcome)));
    await confirm.click();
    await expectFieldError(code, 'Der Code stimmt nicht. Verbleibende Versuche: 4.');
    await expect(code).toBeFocused();
  });

  await test.step('The right code (pasted with a space) removes the banner', async () => {
    const digits = codeIn(welcome);
    await code.fill(`${digits.slice(0, 3)} ${digits.slice(3)}`);
    await confirm.click();
    await expect(code).toHaveCount(0);
    const confirmed = banner(page).getByRole('status');
    await expect(confirmed).toHaveText('Ihre E-Mail-Adresse ist bestätigt.');
    await expect(confirmed).toBeFocused();
    expect((await whoAmI(page.request))?.emailVerified).toBe(true);
  });

  await test.step('After a reload nothing asks any more', async () => {
    await page.reload();
    await expect(heading(page, 'Allgemein')).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
  });
});
