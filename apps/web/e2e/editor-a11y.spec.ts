import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { openView } from './editor-support/editor-page.ts';
import { createOwner, logIn } from './editor-support/owner.ts';

const VIEWS = [
  ['go-live', 'Live gehen'],
  ['general', 'Allgemein'],
  ['voice', 'Sprachagent'],
  ['whatsapp', 'WhatsApp'],
  ['personality', 'KI-Persönlichkeit'],
  ['studio-rules', 'Studioregeln'],
  ['business-hours', 'Öffnungszeiten'],
  ['opening-messages', 'Begrüßungsnachrichten'],
  ['features', 'Funktionen'],
  ['channels', 'Kanäle & Integrationen'],
  ['history', 'Verlauf'],
  ['team', 'Team'],
  ['security', 'Sicherheit'],
] as const;

/** No serious or critical axe violations; a full-page screenshot is kept either way. */
const checkAccessibility = async (page: Page, testInfo: TestInfo, name: string) => {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(severe, `${name}: ${JSON.stringify(severe, null, 2)}`).toEqual([]);
};

test('every editor screen passes axe without serious or critical violations', async ({
  page,
  request,
}, testInfo) => {
  const owner = await createOwner(request);

  await test.step('login', async () => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await checkAccessibility(page, testInfo, 'login');
  });

  await logIn(page, owner);
  for (const [slug, name] of VIEWS) {
    await test.step(name, async () => {
      await openView(page, name);
      await expect(page).toHaveURL(new RegExp(`/settings/${slug}$`));
      // Lists and tables load after the heading; check the finished screen.
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await checkAccessibility(page, testInfo, slug);
    });
  }

  await test.step('a section with inline errors and a conflict-free unsaved state', async () => {
    await openView(page, 'Sprachagent');
    await page.getByLabel('Temperatur').fill('5');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(page.locator('#f-temperature-error')).not.toBeEmpty();
    await checkAccessibility(page, testInfo, 'voice-with-error');
  });

  await test.step('keyboard only: skip link, navigation and visible focus', async () => {
    await page.goto('/settings/general');
    await expect(page.getByRole('heading', { level: 1, name: 'Allgemein' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Sprache des Studios')).toBeFocused();
    await expect(page.getByLabel('Sprache des Studios')).toHaveCSS('outline-style', 'solid');
  });
});
