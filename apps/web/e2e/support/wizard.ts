import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** A fresh address per call, so tests never collide with studios created before. */
export const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

export const uniqueDomain = (label: string) =>
  `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.de`;

export const PASSWORD = 'Hantel-Bank-Kraft-2024';

export const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

export const fields = (page: Page) => ({
  studioName: page.getByLabel('Name des Studios'),
  domain: page.getByLabel('Domain (optional)'),
  email: page.getByLabel('E-Mail-Adresse'),
  password: page.getByLabel('Passwort', { exact: true }),
  passwordConfirmation: page.getByLabel('Passwort wiederholen'),
});

export const next = (page: Page) => page.getByRole('button', { name: 'Weiter' });

/** The review step's two required boxes, never ticked by default. */
export const consentBoxes = (page: Page) => ({
  terms: page.getByRole('checkbox', { name: 'Ich akzeptiere die AGB', exact: true }),
  dpa: page.getByRole('checkbox', {
    name: 'Ich akzeptiere den Auftragsverarbeitungsvertrag (AVV)',
    exact: true,
  }),
});

/** Ticks the AGB and the AVV on the review step, as an owner has to before creating a studio. */
export const acceptTerms = async (page: Page) => {
  const boxes = consentBoxes(page);
  await boxes.terms.check();
  await boxes.dpa.check();
};
export const createStudio = (page: Page) => page.getByRole('button', { name: 'Studio anlegen' });

/** The list item of one provisioning step, found by its German name. */
export const runStep = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Einrichtungsschritte' })
    .getByRole('listitem')
    .filter({ hasText: name });

export const RUN_STEPS = {
  voice: 'Telefonnummer und SIP-Zugang',
  whatsapp: 'WhatsApp-Kanal',
  integrations: 'Integrationen MAGICLINE',
  aiProfile: 'KI-Assistent',
  ready: 'Abschlussprüfung',
};

/** The input's error text, read through the input's own aria-describedby. */
export const expectFieldError = async (field: Locator, message: string) => {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Fails on axe violations that are serious or critical, listing what and where. */
export const expectAccessible = async (page: Page, screen: string) => {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(blocking, `axe violations on ${screen}`).toEqual([]);
};

/** Kept with the test's other artifacts in test-results. */
export const screenshot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

export interface StudioDetails {
  studioName: string;
  domain?: string;
  email: string;
  password?: string;
}

/**
 * Studio and owner steps with the mouse, ending on the review step with the AGB and the AVV
 * accepted (`acceptTerms: false` leaves the boxes unticked).
 */
export const fillUpToReview = async (
  page: Page,
  details: StudioDetails,
  { acceptTerms: accept = true } = {},
) => {
  const field = fields(page);
  await page.goto('/signup/studio');
  await field.studioName.fill(details.studioName);
  if (details.domain) await field.domain.fill(details.domain);
  await next(page).click();
  await expect(heading(page, 'Ihr Zugang')).toBeVisible();
  await field.email.fill(details.email);
  await field.password.fill(details.password ?? PASSWORD);
  await field.passwordConfirmation.fill(details.password ?? PASSWORD);
  await next(page).click();
  await expect(heading(page, 'Angaben prüfen')).toBeVisible();
  if (accept) await acceptTerms(page);
};

export const PROVISIONING_URL = /\/signup\/provisioning\?run=[0-9a-f-]{36}$/;
export const DONE_URL = /\/signup\/done\?run=[0-9a-f-]{36}$/;
