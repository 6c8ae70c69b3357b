import { expect, test } from '@playwright/test';
import {
  createStudio,
  expectAccessible,
  fillUpToReview,
  PASSWORD,
  screenshot,
  uniqueEmail,
} from './support/wizard.ts';

// This server allows one sign-up per client address and hour (SIGNUP_LIMIT_PER_ADDRESS=1).
test('too many sign-ups from one address are refused with a clear German message', async ({
  page,
  request,
}, testInfo) => {
  const first = await request.post('/api/tenant/create', {
    data: { studioName: 'Erstes Studio', ownerEmail: uniqueEmail('limit-1'), password: PASSWORD },
  });
  expect(first.status()).toBe(201);

  await fillUpToReview(page, { studioName: 'Zweites Studio', email: uniqueEmail('limit-2') });
  await createStudio(page).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(
    /^Das Studio konnte nicht angelegt werden: Von Ihrem Anschluss wurden zu viele Studios angelegt\. Bitte versuchen Sie es in \d+ Sekunden erneut\.$/,
  );
  await expect(alert).toBeFocused();
  await expect(page).toHaveURL(/\/signup\/review$/);
  await expectAccessible(page, 'review with a sign-up limit refusal');
  await screenshot(page, testInfo, 'signup-limit');
});
