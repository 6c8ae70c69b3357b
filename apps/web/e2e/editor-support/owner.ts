import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export interface Owner {
  email: string;
  password: string;
  studioName: string;
  tenantId: string;
}

/** A new studio and its owner through the public REST API (answers once provisioning is ready). */
export const createOwner = async (
  request: APIRequestContext,
  studioName = 'FitZone Prenzlauer Berg',
): Promise<Owner> => {
  const email = `owner-${randomUUID()}@example.com`;
  const password = 'Sicheres-Passwort-2026';
  const response = await request.post('/api/tenant/create', {
    data: { studioName, ownerEmail: email, password },
    timeout: 60_000,
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { tenantId: string };
  return { email, password, studioName, tenantId: body.tenantId };
};

/** Logs in through the login screen and waits for the first settings section. */
export const logIn = async (page: Page, owner: Owner) => {
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('E-Mail-Adresse').fill(owner.email);
  await page.getByLabel('Passwort', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(/\/settings\/general$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Allgemein' })).toBeVisible();
};
