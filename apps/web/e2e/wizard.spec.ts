import { expect, test } from '@playwright/test';
import {
  acceptTerms,
  consentBoxes,
  createStudio,
  DONE_URL,
  expectAccessible,
  expectFieldError,
  fields,
  fillUpToReview,
  heading,
  next,
  PASSWORD,
  PROVISIONING_URL,
  RUN_STEPS,
  runStep,
  screenshot,
  uniqueDomain,
  uniqueEmail,
} from './support/wizard.ts';

test('an owner signs a studio up from the first step until it is ready', async ({
  page,
}, testInfo) => {
  const email = uniqueEmail('happy');
  const domain = uniqueDomain('fitzone');
  const field = fields(page);

  await test.step('studio: name, domain checked as typed, time zone from the browser', async () => {
    await page.goto('/signup/studio');
    await expect(heading(page, 'Ihr Studio')).toBeVisible();
    await expect(page).toHaveTitle(/Ihr Studio/);
    await expect(page.getByText('Europe/Berlin')).toBeVisible();
    await expect(page.getByText(/jetzt \d{2}:\d{2} Uhr/)).toBeVisible();
    await field.studioName.fill('FitZone Berlin');
    await field.domain.fill(domain);
    await expect(page.getByText(`${domain} ist verfügbar.`)).toBeVisible();
    await expectAccessible(page, 'studio');
    await screenshot(page, testInfo, '1-studio');
    await next(page).click();
  });

  await test.step('owner: e-mail, password rules and strength, confirmation', async () => {
    await expect(page).toHaveURL(/\/signup\/owner$/);
    await expect(heading(page, 'Ihr Zugang')).toBeVisible();
    await expect(field.password).toHaveAccessibleDescription(/Mindestens 8 Zeichen/);
    await field.email.fill(email);
    await field.password.fill('kurz');
    await expect(page.getByText('Stärke: schwach')).toBeVisible();
    await field.password.fill(PASSWORD);
    await expect(page.getByText('Stärke: stark')).toBeVisible();
    await field.passwordConfirmation.fill(PASSWORD);
    await expectAccessible(page, 'owner');
    await screenshot(page, testInfo, '2-owner');
    await next(page).click();
  });

  await test.step('review: everything entered, password never shown', async () => {
    await expect(page).toHaveURL(/\/signup\/review$/);
    await expect(heading(page, 'Angaben prüfen')).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toContainText('FitZone Berlin');
    await expect(main).toContainText(domain);
    await expect(main).toContainText(email);
    await expect(main).toContainText('festgelegt (wird nicht angezeigt)');
    await expect(main).not.toContainText(PASSWORD);
    await expect(page.getByRole('link', { name: 'Studio bearbeiten' })).toHaveAttribute(
      'href',
      '/signup/studio',
    );
    await expect(page.getByRole('link', { name: 'Zugang bearbeiten' })).toHaveAttribute(
      'href',
      '/signup/owner',
    );
    await expectAccessible(page, 'review');
    await screenshot(page, testInfo, '3-review');
  });

  await test.step('review: the AGB and the AVV, unticked, are refused at their boxes', async () => {
    const boxes = consentBoxes(page);
    await expect(boxes.terms).not.toBeChecked();
    await expect(boxes.dpa).not.toBeChecked();
    await createStudio(page).click();
    await expect(page).toHaveURL(/\/signup\/review$/);
    await expectFieldError(boxes.terms, 'Bitte akzeptieren Sie die AGB, um Ihr Studio anzulegen.');
    await expectFieldError(
      boxes.dpa,
      'Bitte akzeptieren Sie den Auftragsverarbeitungsvertrag, um Ihr Studio anzulegen.',
    );
    await expect(boxes.terms).toBeFocused();
    await expectAccessible(page, 'review with the boxes unticked');
    await screenshot(page, testInfo, '3-review-consent');
  });

  await test.step('review: ticked, the studio is created', async () => {
    await acceptTerms(page);
    await expect(consentBoxes(page).terms).not.toHaveAttribute('aria-invalid', 'true');
    await expect(consentBoxes(page).dpa).not.toHaveAttribute('aria-invalid', 'true');
    await createStudio(page).click();
  });

  await test.step('provisioning: every step with its live status', async () => {
    await expect(page).toHaveURL(PROVISIONING_URL);
    await expect(heading(page, 'Ihr Studio wird eingerichtet')).toBeVisible();
    for (const name of Object.values(RUN_STEPS)) await expect(runStep(page, name)).toBeVisible();
    await expect(runStep(page, RUN_STEPS.voice)).toContainText(/läuft|erledigt/);
    await expect(page.getByRole('status').filter({ hasText: /: (läuft|erledigt)/ })).toBeAttached();
    await screenshot(page, testInfo, '4-provisioning');
    await expect(runStep(page, RUN_STEPS.voice)).toContainText(/erledigt um \d{2}:\d{2} Uhr/);
  });

  await test.step('done: pending phone and WhatsApp, inactive integrations, way to settings', async () => {
    await expect(page).toHaveURL(DONE_URL);
    await expect(heading(page, 'Ihr Studio ist startklar')).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toContainText(`Sie sind bereits als ${email} angemeldet`);
    await expect(main).toContainText(
      `Wir haben Ihnen eine E-Mail an ${email} geschickt: Bitte bestätigen Sie darin Ihre Adresse`,
    );
    await expect(main).toContainText(
      'Telefonnummer des Voice-Agentsausstehend – wartet auf Ihre Geschäftsangaben für den Netzbetreiber',
    );
    await expect(main).toContainText(
      'WhatsApp-Kanalausstehend – wartet auf die Bestätigung durch Meta',
    );
    for (const integration of ['MAGICLINE', 'FITOGRAM', 'Google Kalender']) {
      await expect(main).toContainText(`${integration}inaktiv`);
    }
    await expectAccessible(page, 'done');
    await screenshot(page, testInfo, '5-done');
    const settings = page.getByRole('link', { name: 'Zu den Einstellungen' });
    await expect(settings).toHaveAttribute('href', '/settings');
    await settings.click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});

test('the wizard switches between German and English', async ({ page }) => {
  await page.goto('/signup/studio');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your studio' })).toBeVisible();
  await expect(page.getByLabel('Studio name')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Studio name')).toHaveAccessibleDescription(
    /Please enter the name of your studio\./,
  );
  await expectAccessible(page, 'studio in English');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(heading(page, 'Ihr Studio')).toBeVisible();
  await expect(page.getByLabel('Name des Studios')).toHaveAccessibleDescription(
    /Bitte geben Sie den Namen Ihres Studios ein\./,
  );
});

test('a double click on "Studio anlegen" sends one signup, with the attempt\'s idempotency key', async ({
  page,
}) => {
  await fillUpToReview(page, { studioName: 'Doppelklick Fitness', email: uniqueEmail('double') });
  const signups: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/trpc/signup.create')) signups.push(request.postData() ?? '');
  });
  await createStudio(page).dblclick();
  await expect(page).toHaveURL(PROVISIONING_URL);
  expect(signups).toHaveLength(1);
  expect(signups[0]).toMatch(/"idempotencyKey":"[0-9a-f-]{36}"/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the review step links the AGB, the AVV and the privacy policy, each in a new tab', async ({
  page,
}) => {
  await fillUpToReview(
    page,
    { studioName: 'Vertrag Fitness', email: uniqueEmail('legal') },
    { acceptTerms: false },
  );
  const main = page.getByRole('main');
  for (const [name, href] of [
    ['AGB', '/agb'],
    ['Auftragsverarbeitungsvertrag (AVV)', '/avv'],
    ['Datenschutzerklärung', '/datenschutz'],
  ] as const) {
    const link = main.getByRole('link', { name, exact: true });
    await expect(link).toHaveAttribute('href', href);
    await expect(link).toHaveAttribute('target', '_blank');
  }
  // Following a link does not tick its box.
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    main.getByRole('link', { name: 'AGB', exact: true }).click(),
  ]);
  await tab.close();
  await expect(consentBoxes(page).terms).not.toBeChecked();
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('link', { name: /^Impressum/ })).toHaveAttribute(
    'href',
    '/impressum',
  );
  await expect(footer.getByRole('link', { name: /^Datenschutz/ })).toHaveAttribute(
    'href',
    '/datenschutz',
  );
});

test('the server’s refusal of a missing consent shows at the box', async ({ page }) => {
  await fillUpToReview(page, { studioName: 'Umweg Fitness', email: uniqueEmail('bypass') });
  // As if the browser had sent the AVV unaccepted: the server refuses it at consent.dpa.
  await page.route('**/trpc/signup.create**', (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<
      string,
      { consent?: { dpa: boolean } }
    >;
    for (const input of Object.values(body)) if (input.consent) input.consent.dpa = false;
    return route.continue({ postData: JSON.stringify(body) });
  });
  await createStudio(page).click();
  const boxes = consentBoxes(page);
  await expectFieldError(
    boxes.dpa,
    'Bitte akzeptieren Sie den Auftragsverarbeitungsvertrag, um Ihr Studio anzulegen.',
  );
  await expect(boxes.dpa).toBeFocused();
  await expect(boxes.terms).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/signup\/review$/);
  await page.unroute('**/trpc/signup.create**');
  await boxes.dpa.check();
  await createStudio(page).click();
  await expect(page).toHaveURL(PROVISIONING_URL);
});
