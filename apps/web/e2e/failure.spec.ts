import { expect, test } from '@playwright/test';
import {
  createStudio,
  DONE_URL,
  expectAccessible,
  fillUpToReview,
  heading,
  PROVISIONING_URL,
  RUN_STEPS,
  runStep,
  screenshot,
  uniqueEmail,
} from './support/wizard.ts';

// This project's sandbox fails the WhatsApp step in its first 3 attempts of every run.
test('a failed step shows its reason, and a retry finishes the run', async ({ page }, testInfo) => {
  await fillUpToReview(page, { studioName: 'Pech und Pannen', email: uniqueEmail('failure') });
  await createStudio(page).click();
  await expect(page).toHaveURL(PROVISIONING_URL);
  const whatsapp = runStep(page, RUN_STEPS.whatsapp);

  await test.step('attempts are shown while the engine retries', async () => {
    await expect(whatsapp).toContainText(/Versuch [12] von 3/);
  });

  const failure = page.getByRole('alert').filter({ hasText: 'stehen geblieben' });
  await test.step('the run fails with the reason', async () => {
    await expect(failure).toContainText(
      'Die Einrichtung ist beim Schritt „WhatsApp-Kanal mit Webhook“ stehen geblieben.',
    );
    await expect(failure).toContainText('Sandbox: simulated failure of step "whatsapp"');
    await expect(whatsapp).toContainText('fehlgeschlagen');
    await expect(runStep(page, RUN_STEPS.voice)).toContainText('erledigt');
    await expect(runStep(page, RUN_STEPS.integrations)).toContainText('wartet');
    await expectAccessible(page, 'failed run');
    await screenshot(page, testInfo, 'failed');
  });

  await test.step('a reload still shows the failure', async () => {
    await page.reload();
    await expect(failure).toContainText('Sandbox: simulated failure of step "whatsapp"');
    await expect(runStep(page, RUN_STEPS.voice)).toContainText('erledigt');
  });

  await test.step('retry resumes at the failed step and finishes', async () => {
    await page.getByRole('button', { name: 'Erneut versuchen' }).click();
    await expect(page).toHaveURL(DONE_URL);
    await expect(heading(page, 'Ihr Studio ist startklar')).toBeVisible();
    await screenshot(page, testInfo, 'done-after-retry');
  });
});
