import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { openView } from './editor-support/editor-page.ts';
import { EMAIL_CHANGE_SUBJECT, linkIn, waitForMail, whoAmI } from './editor-support/mail.ts';
import { createOwner, logIn } from './editor-support/owner.ts';
import { expectAccessible, expectFieldError, heading, uniqueEmail } from './support/wizard.ts';

const newPage = async (browser: Browser, testInfo: TestInfo): Promise<Page> => {
  const { baseURL, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  return context.newPage();
};

test('the e-mail address changes only once the new one is confirmed', async ({ page, request }) => {
  const owner = await createOwner(request);
  const newEmail = uniqueEmail('moved');
  const section = page.getByRole('region', { name: 'E-Mail-Adresse ändern' });
  const address = section.getByLabel('Neue E-Mail-Adresse');
  const password = section.getByLabel('Passwort zur Bestätigung');
  const change = section.getByRole('button', { name: 'Adresse ändern' });

  await test.step('Sicherheit shows the current address', async () => {
    await logIn(page, owner);
    await openView(page, 'Sicherheit');
    await expect(page).toHaveURL(/\/settings\/security$/);
    await expect(section).toContainText(`Aktuelle Adresse${owner.email}`);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectAccessible(page, 'security');
  });

  await test.step('The current address and a wrong password are refused at their fields', async () => {
    await address.fill(owner.email.toUpperCase());
    await password.fill(owner.password);
    await change.click();
    await expectFieldError(address, 'Das ist bereits Ihre E-Mail-Adresse.');
    await expect(address).toBeFocused();
    await address.fill(newEmail);
    await password.fill('nicht-das-passwort');
    await change.click();
    await expectFieldError(password, 'Das Passwort ist falsch.');
    await expect(password).toBeFocused();
  });

  await test.step('With the password a link goes to the new address; nothing changes yet', async () => {
    await password.fill(owner.password);
    await change.click();
    await expect(section.getByRole('status')).toHaveText(
      `Wir haben einen Link an ${newEmail} geschickt. Die Adresse ändert sich erst, wenn Sie ihn bestätigen.`,
    );
    await expect(section).toContainText(`Neue Adresse, noch nicht bestätigt${newEmail}`);
    await expect(page.getByRole('banner')).toContainText(owner.email);
    expect(await whoAmI(page.request)).toMatchObject({
      email: owner.email,
      pendingEmail: newEmail,
    });
  });

  await test.step('The link in the mail to the new address confirms it', async () => {
    const mail = await waitForMail(request, newEmail, EMAIL_CHANGE_SUBJECT);
    await page.goto(linkIn(mail, '/verify-email'));
    await page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
    await expect(page.getByRole('status')).toContainText(
      `Ihre neue E-Mail-Adresse ${newEmail} ist bestätigt.`,
    );
  });

  await test.step('The editor shows the new address, confirmed', async () => {
    await page.getByRole('link', { name: 'Zu den Einstellungen' }).click();
    await expect(heading(page, 'Allgemein')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(newEmail);
    await expect(page.getByRole('region', { name: 'E-Mail-Bestätigung' })).toHaveCount(0);
    expect(await whoAmI(page.request)).toMatchObject({
      email: newEmail,
      emailVerified: true,
      pendingEmail: null,
    });
  });

  await test.step('The new address logs in', async () => {
    await page.getByRole('button', { name: 'Abmelden', exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    await logIn(page, { ...owner, email: newEmail });
  });
});

test('the devices logged in are listed, and the others can be logged out', async ({
  page,
  request,
  browser,
}, testInfo) => {
  const owner = await createOwner(request);
  const second = await newPage(browser, testInfo);
  const third = await newPage(browser, testInfo);
  const devices = page.getByRole('region', { name: 'Angemeldete Geräte' }).getByRole('listitem');

  await test.step('Logged in on three devices, the list shows all three', async () => {
    await logIn(second, owner);
    await logIn(third, owner);
    await logIn(page, owner);
    await openView(page, 'Sicherheit');
    await expect(devices).toHaveCount(3);
    await expect(devices.filter({ hasText: 'Dieses Gerät' })).toHaveCount(1);
    await expect(devices.first()).toContainText('Zuletzt aktiv');
    await expect(devices.first()).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    // This device cannot log itself out here (the header's button does that).
    await expect(
      devices.filter({ hasText: 'Dieses Gerät' }).getByRole('button', { name: /abmelden/ }),
    ).toHaveCount(0);
  });

  await test.step('One other device is logged out on its own', async () => {
    await devices
      .filter({ hasNotText: 'Dieses Gerät' })
      .first()
      .getByRole('button', { name: /abmelden \(zuletzt aktiv/ })
      .click();
    await expect(
      page.getByRole('region', { name: 'Angemeldete Geräte' }).getByRole('status'),
    ).toContainText('wurde abgemeldet.');
    await expect(devices).toHaveCount(2);
    await expect(page.getByRole('heading', { level: 2, name: 'Angemeldete Geräte' })).toBeFocused();
  });

  await test.step('“Alle anderen Geräte abmelden” logs out the rest', async () => {
    await page.getByRole('button', { name: 'Alle anderen Geräte abmelden' }).click();
    await expect(
      page.getByRole('region', { name: 'Angemeldete Geräte' }).getByRole('status'),
    ).toHaveText('1 anderes Gerät wurde abgemeldet.');
    await expect(devices).toHaveCount(1);
    await expect(devices).toContainText('Dieses Gerät');
  });

  await test.step('The other devices are at the login; this one is still in', async () => {
    for (const other of [second, third]) {
      await other.reload();
      await expect(other).toHaveURL(/\/login\?next=/);
      await expect(heading(other, 'Anmelden')).toBeVisible();
    }
    await page.reload();
    await expect(heading(page, 'Sicherheit')).toBeVisible();
    await expect(devices).toHaveCount(1);
  });
});
