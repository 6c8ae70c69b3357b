import { expect, test } from '@playwright/test';
import {
  createStudio,
  DONE_URL,
  fields,
  fillUpToReview,
  heading,
  next,
  PASSWORD,
  PROVISIONING_URL,
  RUN_STEPS,
  runStep,
  uniqueEmail,
} from './support/wizard.ts';

test('a reload during provisioning reconnects to the same run and shows its true state', async ({
  page,
}) => {
  await fillUpToReview(page, { studioName: 'Reload Gym', email: uniqueEmail('reload') });
  await createStudio(page).click();
  await expect(page).toHaveURL(PROVISIONING_URL);
  const runUrl = page.url();

  await expect(runStep(page, RUN_STEPS.voice)).toContainText('erledigt');
  await expect(runStep(page, RUN_STEPS.ready)).toContainText('wartet');

  await test.step('reload mid-run', async () => {
    await page.reload();
    expect(page.url()).toBe(runUrl);
    await expect(heading(page, 'Ihr Studio wird eingerichtet')).toBeVisible();
    await expect(runStep(page, RUN_STEPS.voice)).toContainText('erledigt');
  });

  await test.step('the same run finishes', async () => {
    await expect(page).toHaveURL(DONE_URL);
    expect(new URL(page.url()).searchParams.get('run')).toBe(
      new URL(runUrl).searchParams.get('run'),
    );
    await expect(heading(page, 'Ihr Studio ist startklar')).toBeVisible();
  });
});

test('a reload on an earlier step keeps what was entered, except the password', async ({
  page,
}) => {
  const email = uniqueEmail('keep');
  const field = fields(page);
  await page.goto('/signup/studio');
  await field.studioName.fill('Bleib Fit Bremen');
  await next(page).click();
  await field.email.fill(email);
  await field.password.fill(PASSWORD);
  await field.passwordConfirmation.fill(PASSWORD);
  await next(page).click();
  await expect(heading(page, 'Angaben prüfen')).toBeVisible();

  await page.reload();
  // The review needs the password, which is never stored: the owner enters it again.
  await expect(page).toHaveURL(/\/signup\/owner$/);
  await expect(field.email).toHaveValue(email);
  await expect(field.password).toHaveValue('');
  const stored = await page.evaluate<string>('JSON.stringify(sessionStorage)');
  expect(stored).toContain(email);
  expect(stored).not.toContain(PASSWORD);

  await page.getByRole('link', { name: 'Zurück' }).click();
  await expect(field.studioName).toHaveValue('Bleib Fit Bremen');
});
