import { expect, test } from '@playwright/test';
import {
  createStudio,
  expectAccessible,
  expectFieldError,
  fields,
  fillUpToReview,
  heading,
  next,
  PASSWORD,
  PROVISIONING_URL,
  screenshot,
  uniqueDomain,
  uniqueEmail,
} from './support/wizard.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/signup/studio');
  await fields(page).studioName.fill('Kraftwerk Köln');
  await next(page).click();
  await expect(heading(page, 'Ihr Zugang')).toBeVisible();
});

test('an invalid e-mail is refused inline when leaving the field', async ({ page }, testInfo) => {
  const field = fields(page);
  await field.email.fill('invalid-email');
  await field.email.blur();
  await expectFieldError(field.email, 'Bitte geben Sie eine gültige E-Mail-Adresse ein');
  await expectAccessible(page, 'owner with an invalid e-mail');
  await screenshot(page, testInfo, 'invalid-email');
  await field.email.fill(uniqueEmail('fixed'));
  await expect(field.email).not.toHaveAttribute('aria-invalid', 'true');
});

test('a weak password is refused inline, and so is a confirmation that differs', async ({
  page,
}, testInfo) => {
  const field = fields(page);
  await field.email.fill(uniqueEmail('weak'));
  await field.password.fill('weak');
  await field.passwordConfirmation.fill('different');
  await next(page).click();
  await expectFieldError(field.password, 'Das Passwort muss mindestens 8 Zeichen lang sein.');
  await expectFieldError(field.passwordConfirmation, 'Die Passwörter stimmen nicht überein.');
  await expect(field.password).toBeFocused();
  await expect(page).toHaveURL(/\/signup\/owner$/);
  await expectAccessible(page, 'owner with a weak password');
  await screenshot(page, testInfo, 'weak-password');
});

test('an e-mail that already has an account is refused on the e-mail field after submitting', async ({
  page,
  request,
}, testInfo) => {
  const email = uniqueEmail('taken');
  const created = await request.post('/api/tenant/create', {
    data: { studioName: 'Erstes Studio', ownerEmail: email, password: PASSWORD },
  });
  expect(created.status()).toBe(201);

  await fillUpToReview(page, { studioName: 'Zweites Studio', email });
  await createStudio(page).click();

  const field = fields(page);
  await expect(page).toHaveURL(/\/signup\/owner$/);
  await expectFieldError(field.email, 'Zu dieser E-Mail-Adresse gibt es bereits ein Konto.');
  await expect(field.email).toBeFocused();
  await expectAccessible(page, 'owner with a taken e-mail');
  await screenshot(page, testInfo, 'email-taken');

  // Correcting the address is a new attempt that goes through.
  await field.email.fill(uniqueEmail('second'));
  await expect(field.email).not.toHaveAttribute('aria-invalid', 'true');
  await next(page).click();
  await createStudio(page).click();
  await expect(page).toHaveURL(PROVISIONING_URL);
});

test('a domain that is taken is reported while typing', async ({ page, request }) => {
  const domain = uniqueDomain('vergeben');
  const created = await request.post('/api/tenant/create', {
    data: {
      studioName: 'Domain-Studio',
      ownerEmail: uniqueEmail('domain'),
      password: PASSWORD,
      domain,
    },
  });
  expect(created.status()).toBe(201);

  await page.getByRole('link', { name: 'Zurück' }).click();
  const field = fields(page);
  await field.domain.fill(domain);
  await expectFieldError(field.domain, 'Diese Domain ist bereits vergeben.');
  await next(page).click();
  await expect(page).toHaveURL(/\/signup\/studio$/);
  await expect(field.domain).toBeFocused();

  await field.domain.fill('kein domain');
  await field.domain.blur();
  await expectFieldError(field.domain, 'Bitte geben Sie eine gültige Domain ohne https:// ein');
});
