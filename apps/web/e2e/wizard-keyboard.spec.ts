import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  consentBoxes,
  DONE_URL,
  fields,
  heading,
  PASSWORD,
  PROVISIONING_URL,
  uniqueEmail,
} from './support/wizard.ts';

/** Presses Tab until `target` has focus, as a keyboard user would. */
const tabTo = async (page: Page, target: Locator) => {
  for (let presses = 0; presses < 15; presses++) {
    if (await target.evaluate((element) => element.ownerDocument.activeElement === element)) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
};

test('a studio can be signed up with the keyboard alone', async ({ page }) => {
  const field = fields(page);
  await page.goto('/signup/studio');

  await test.step('studio', async () => {
    await tabTo(page, field.studioName);
    await expect(field.studioName).toHaveCSS('outline-style', 'solid');
    await page.keyboard.type('Tastatur Training');
    await page.keyboard.press('Enter');
  });

  await test.step('owner', async () => {
    await expect(heading(page, 'Ihr Zugang')).toBeFocused();
    await tabTo(page, field.email);
    await page.keyboard.type(uniqueEmail('keyboard'));
    await page.keyboard.press('Tab');
    await expect(field.password).toBeFocused();
    await page.keyboard.type(PASSWORD);
    await tabTo(page, field.passwordConfirmation);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
  });

  await test.step('review, with the AGB and the AVV ticked by the space bar', async () => {
    await expect(heading(page, 'Angaben prüfen')).toBeFocused();
    const boxes = consentBoxes(page);
    for (const box of [boxes.terms, boxes.dpa]) {
      await tabTo(page, box);
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
    }
    await tabTo(page, page.getByRole('button', { name: 'Studio anlegen' }));
    await page.keyboard.press('Enter');
  });

  await test.step('provisioning until ready', async () => {
    await expect(page).toHaveURL(PROVISIONING_URL);
    await expect(page).toHaveURL(DONE_URL);
    await expect(heading(page, 'Ihr Studio ist startklar')).toBeFocused();
  });

  await test.step('into the settings', async () => {
    await tabTo(page, page.getByRole('link', { name: 'Zu den Einstellungen' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/settings$/);
  });
});
