import { expect, test } from '@playwright/test';
import { openView } from './editor-support/editor-page.ts';
import { createOwner, logIn } from './editor-support/owner.ts';

test('channels show their state, secrets only on request, and the webhook self-test passes', async ({
  page,
  request,
}) => {
  const owner = await createOwner(request);
  await logIn(page, owner);
  await openView(page, 'Kanäle & Integrationen');
  const main = page.getByRole('main');

  await test.step('Phone number with status, SIP username and domain; password hidden', async () => {
    const phone = main.getByRole('region', { name: 'Telefon' });
    await expect(phone).toContainText(/\+49/);
    await expect(phone.getByRole('definition').nth(1)).toHaveText(/^(ausstehend|aktiv|getrennt)$/);
    await expect(phone).toContainText('SIP-Benutzername');
    await expect(phone).toContainText('SIP-Domain');
    await expect(phone.locator('.ed-secret code')).toHaveCount(0);
    await phone.getByRole('button', { name: 'SIP-Passwort anzeigen' }).click();
    await expect(phone.locator('.ed-secret code')).toHaveText(/\S{8,}/);
    await phone.getByRole('button', { name: 'SIP-Passwort verbergen' }).click();
    await expect(phone.locator('.ed-secret code')).toHaveCount(0);
  });

  let verifyToken = '';
  await test.step('WhatsApp channel with webhook URL; the verify token on request', async () => {
    const whatsapp = main.getByRole('region', { name: 'WhatsApp' });
    await expect(whatsapp).toContainText(`/webhooks/whatsapp/${owner.tenantId}`);
    await whatsapp.getByRole('button', { name: 'Verify-Token anzeigen' }).click();
    const token = whatsapp.locator('.ed-secret code');
    await expect(token).toHaveText(/\S{8,}/);
    verifyToken = (await token.textContent()) ?? '';
  });

  await test.step('"Webhook testen" runs the handshake and shows the result', async () => {
    await page.getByRole('button', { name: 'Webhook testen' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Webhook-Test erfolgreich: Mit dem richtigen Token kam die Challenge zurück (HTTP 200), ein falsches Token wurde abgelehnt (HTTP 403).',
    );
  });

  await test.step('The webhook itself: wrong token 403, right token echoes the challenge', async () => {
    const url = (token: string) =>
      `/webhooks/whatsapp/${owner.tenantId}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=x`;
    const wrong = await request.get(url('wrong'));
    expect(wrong.status()).toBe(403);
    const right = await request.get(url(verifyToken));
    expect(right.status()).toBe(200);
    expect(await right.text()).toBe('x');
  });

  await test.step('The three integrations with their state', async () => {
    const integrations = main.getByRole('region', { name: 'Integrationen' }).getByRole('listitem');
    await expect(integrations).toHaveCount(3);
    for (const name of ['Magicline', 'Fitogram', 'Google Calendar']) {
      await expect(integrations.filter({ hasText: name })).toContainText('inaktiv');
    }
  });
});
