import { expect, type Page, test } from '@playwright/test';
import { openView } from './editor-support/editor-page.ts';
import { codeIn, WELCOME_SUBJECT, waitForMail } from './editor-support/mail.ts';
import { createOwner, logIn } from './editor-support/owner.ts';
import {
  createStudio,
  DONE_URL,
  expectAccessible,
  expectFieldError,
  fillUpToReview,
  heading,
  screenshot,
  uniqueEmail,
} from './support/wizard.ts';

// The sandbox carrier reviews in SANDBOX_REVIEW_SECONDS (playwright.config.ts: 1 s), and
// rejects a document whose file name contains "reject".

/** A small PDF: the server goes by the file's first bytes, not by its name or declared type. */
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ),
});

const checklist = (page: Page) => page.getByRole('list', { name: 'Schritte zum Livegang' });

/** One item of the checklist, by its heading. */
const item = (page: Page, name: string) =>
  checklist(page).getByRole('listitem', { name, exact: true });

const ITEMS = {
  email: 'E-Mail-Adresse bestätigen',
  phone: 'Telefonnummer freischalten',
  whatsapp: 'WhatsApp verbinden',
  integrations: 'Integrationen verbinden',
};

const banner = (page: Page) => page.getByRole('region', { name: 'E-Mail-Bestätigung' });

const detailsForm = (page: Page) => {
  const form = page.getByRole('form', { name: 'Geschäftsangaben für Ihre Telefonnummer' });
  return {
    form,
    businessName: form.getByLabel('Name des Unternehmens'),
    street: form.getByLabel('Straße und Hausnummer'),
    postalCode: form.getByLabel('Postleitzahl'),
    city: form.getByLabel('Ort', { exact: true }),
    registration: form.getByRole('radio', { name: 'Gewerbeanmeldung' }),
    extract: form.getByRole('radio', { name: 'Handelsregisterauszug' }),
    document: form.getByLabel('Nachweis als Datei'),
    submit: form.getByRole('button', { name: 'Zur Prüfung einreichen' }),
  };
};

/** The banner's code, from the welcome mail the catcher kept. */
const confirmEmail = async (page: Page, email: string) => {
  const welcome = await waitForMail(page.request, email, WELCOME_SUBJECT);
  await banner(page).getByLabel('Bestätigungscode').fill(codeIn(welcome));
  await banner(page).getByRole('button', { name: 'Bestätigen', exact: true }).click();
  await expect(banner(page).getByRole('status')).toHaveText('Ihre E-Mail-Adresse ist bestätigt.');
};

/** Fills the business details of a Berlin studio and submits them with `file`. */
const submitDetails = async (page: Page, fileName: string) => {
  const form = detailsForm(page);
  await form.businessName.fill('Live Fitness GmbH');
  await form.street.fill('Schönhauser Allee 10');
  await form.postalCode.fill('10435');
  await form.city.fill('Berlin');
  await form.extract.check();
  await form.document.setInputFiles(pdf(fileName));
  await expect(form.form).toContainText(`Gewählt: ${fileName} (`);
  await form.submit.click();
};

test('an owner goes live: from the done page through the review to an active number', async ({
  page,
}, testInfo) => {
  const email = uniqueEmail('go-live');

  await test.step('Sign up; the done page leads to the checklist', async () => {
    await fillUpToReview(page, { studioName: 'Live Fitness', email });
    await createStudio(page).click();
    await expect(page).toHaveURL(DONE_URL);
    await page.getByRole('link', { name: 'Jetzt live gehen' }).click();
    await expect(page).toHaveURL(/\/settings\/go-live$/);
    await expect(heading(page, 'Live gehen')).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Einstellungen' }).getByRole('link', {
        name: 'Live gehen',
      }),
    ).toHaveAttribute('aria-current', 'page');
  });

  await test.step('Each item says its state, whose turn it is and what to do', async () => {
    await expect(page.getByText('Ihr Studio ist noch nicht live.')).toBeVisible();
    await expect(page.getByText('0 von 2 nötigen Schritten erledigt.')).toBeVisible();
    await expect(item(page, ITEMS.email)).toContainText('Status: Zu erledigen');
    await expect(item(page, ITEMS.email)).toContainText('Am ZugSie');
    await expect(item(page, ITEMS.phone)).toContainText('Status: Zu erledigen');
    await expect(
      item(page, ITEMS.phone).getByRole('list', { name: 'Schritte zur Telefonnummer' }),
    ).toContainText('GeschäftsangabenSie sind dran');
    await expect(item(page, ITEMS.whatsapp)).toContainText('Status: Demnächst');
    await expect(item(page, ITEMS.whatsapp)).toContainText('kommt bald');
    await expect(item(page, ITEMS.integrations)).toContainText('Status: Optional');
    await expect(
      item(page, ITEMS.integrations).getByRole('link', { name: 'Integrationen ansehen' }),
    ).toHaveAttribute('href', '/settings/channels');
    await expectAccessible(page, 'go-live checklist');
    await screenshot(page, testInfo, 'go-live-1-due');
  });

  await test.step('The e-mail item leads to the code; confirmed, it is done at once', async () => {
    await item(page, ITEMS.email)
      .getByRole('link', { name: 'Code aus der E-Mail eingeben' })
      .click();
    await expect(banner(page).getByLabel('Bestätigungscode')).toBeFocused();
    await confirmEmail(page, email);
    await expect(item(page, ITEMS.email)).toContainText('Status: Erledigt');
    await expect(item(page, ITEMS.email)).not.toContainText('Am Zug');
    await expect(page.getByText('1 von 2 nötigen Schritten erledigt.')).toBeVisible();
  });

  await test.step('The phone item leads to the business details form', async () => {
    await item(page, ITEMS.phone).getByRole('link', { name: 'Geschäftsangaben eingeben' }).click();
    await expect(page).toHaveURL(/\/settings\/channels#business-details$/);
    await expect(
      page.getByRole('heading', { name: 'Geschäftsangaben für Ihre Telefonnummer' }),
    ).toBeFocused();
    await expect(page.getByRole('main')).toContainText('Bundesnetzagentur');
  });

  await test.step('The browser checks the contract’s rules and the file before sending', async () => {
    const form = detailsForm(page);
    await form.businessName.fill('Live Fitness GmbH');
    await form.street.fill('Schönhauser Allee 10');
    await form.postalCode.fill('1043');
    await form.city.fill('Berlin');
    await form.submit.click();
    await expectFieldError(form.postalCode, 'Die Postleitzahl besteht aus fünf Ziffern');
    await expect(form.postalCode).toBeFocused();
    await expect(form.form).toContainText('Bitte wählen Sie, welchen Nachweis Sie einreichen.');
    await expectFieldError(form.document, 'Bitte wählen Sie die Datei mit Ihrem Nachweis.');
    await expect(form.form.getByRole('status')).toHaveText(
      'Nicht eingereicht: Bitte korrigieren Sie die markierten Angaben.',
    );
    await form.document.setInputFiles({
      name: 'notizen.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('keine PDF'),
    });
    await form.submit.click();
    await expectFieldError(form.document, 'Bitte eine PDF-, JPEG- oder PNG-Datei wählen.');
    await expectAccessible(page, 'business details with errors');
  });

  await test.step('Submitted with a PDF, the phone is in review', async () => {
    await submitDetails(page, 'gewerbeanmeldung.pdf');
    await expect(page.getByRole('status').filter({ hasText: 'Eingereicht.' })).toBeFocused();
    await expect(detailsForm(page).form).toHaveCount(0);
    await expect(page.getByRole('main')).toContainText('Der Netzbetreiber prüft Ihre Angaben.');
    await page.getByRole('link', { name: 'Zur Übersicht „Live gehen“' }).click();
    await expect(heading(page, 'Live gehen')).toBeVisible();
    await expect(item(page, ITEMS.phone)).toContainText(/Status: (In Prüfung|In Einrichtung)/);
    await screenshot(page, testInfo, 'go-live-2-review');
  });

  await test.step('The checklist follows the carrier live until the number is active', async () => {
    await expect(item(page, ITEMS.phone)).toContainText('Status: Erledigt', { timeout: 30_000 });
    await expect(item(page, ITEMS.phone)).toContainText(
      /Ihr KI-Agent nimmt unter \+49\d+ Anrufe an\./,
    );
    await expect(
      item(page, ITEMS.phone).getByRole('list', { name: 'Schritte zur Telefonnummer' }),
    ).not.toContainText(/läuft|noch nicht begonnen/);
    await expect(page.getByText('Ihr Studio ist live.', { exact: true })).toBeVisible();
    // The stage changes were announced politely, the last one with the studio live.
    await expect(page.getByRole('status').filter({ hasText: 'Ihr Studio ist live.' })).toHaveText(
      /Telefonnummer freischalten: Erledigt\. Ihr Studio ist live\./,
    );
    await expectAccessible(page, 'go-live checklist, live');
    await screenshot(page, testInfo, 'go-live-3-live');
  });
});

test('a rejected review shows the reviewer’s reason; resubmitted, the phone goes live', async ({
  page,
  request,
}, testInfo) => {
  const owner = await createOwner(request, 'Abgelehnt Fitness');

  await test.step('Without a confirmed address, the form is not offered', async () => {
    await logIn(page, owner);
    await page.goto('/settings/channels');
    await expect(page.getByRole('main')).toContainText(
      'Bevor Sie die Geschäftsangaben einreichen können, bestätigen Sie bitte Ihre E-Mail-Adresse',
    );
    await expect(detailsForm(page).form).toHaveCount(0);
    await confirmEmail(page, owner.email);
    await expect(detailsForm(page).businessName).toBeVisible();
  });

  await test.step('A document the reviewer rejects', async () => {
    await submitDetails(page, 'reject-gewerbe.pdf');
    await expect(page.getByRole('main')).toContainText('Der Netzbetreiber prüft Ihre Angaben.');
  });

  await test.step('The reason is shown as given, and the form comes back prefilled', async () => {
    const rejection = page.getByRole('heading', {
      name: 'Der Netzbetreiber hat Ihre Angaben abgelehnt',
    });
    await expect(rejection).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('blockquote')).toContainText(
      'The document does not show the business name and address given',
    );
    const form = detailsForm(page);
    await expect(form.businessName).toHaveValue('Live Fitness GmbH');
    await expect(form.postalCode).toHaveValue('10435');
    await expect(form.extract).toBeChecked();
    // The rejected document itself is gone from the server: it has to be chosen again.
    await expect(form.document).toHaveValue('');
    await expectAccessible(page, 'business details after a rejection');
    await screenshot(page, testInfo, 'go-live-rejected-form');
    await openView(page, 'Live gehen');
    await expect(item(page, ITEMS.phone)).toContainText('Status: Abgelehnt');
    await expect(item(page, ITEMS.phone)).toContainText('The document does not show');
    await expectAccessible(page, 'go-live checklist, rejected');
    await item(page, ITEMS.phone)
      .getByRole('link', { name: 'Angaben korrigieren und erneut einreichen' })
      .click();
    await expect(form.businessName).toHaveValue('Live Fitness GmbH');
  });

  await test.step('Resubmitted with a good document, the phone goes live', async () => {
    await submitDetails(page, 'handelsregister.pdf');
    await expect(page.getByRole('status').filter({ hasText: 'Eingereicht.' })).toBeFocused();
    await expect(page.getByRole('main')).toContainText(
      /Ihr KI-Agent nimmt unter \+49\d+ Anrufe an\./,
      {
        timeout: 30_000,
      },
    );
    await openView(page, 'Live gehen');
    await expect(item(page, ITEMS.phone)).toContainText('Status: Erledigt');
    await expect(page.getByText('Ihr Studio ist live.', { exact: true })).toBeVisible();
  });
});
