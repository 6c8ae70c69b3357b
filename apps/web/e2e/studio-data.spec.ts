import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openView } from './editor-support/editor-page.ts';
import { waitForMail, whoAmI } from './editor-support/mail.ts';
import { createOwner, logIn } from './editor-support/owner.ts';
import { expectAccessible, expectFieldError, heading } from './support/wizard.ts';

test('the owner exports the studio’s data as a JSON file, without any secret', async ({
  page,
  request,
}) => {
  const owner = await createOwner(request, 'Kraftwerk Köln Export');
  const section = page.getByRole('region', { name: 'Daten exportieren' });
  const password = section.getByLabel('Passwort zur Bestätigung');
  const exportButton = section.getByRole('button', { name: 'Daten exportieren' });

  await test.step('Sicherheit offers the owner the export and the deletion', async () => {
    await logIn(page, owner);
    await openView(page, 'Sicherheit');
    await expect(section).toBeVisible();
    await expect(page.getByRole('region', { name: 'Studio löschen' })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectAccessible(page, 'security of the owner');
  });

  await test.step('A wrong password is refused at the field', async () => {
    await password.fill('nicht-das-passwort');
    await exportButton.click();
    await expectFieldError(password, 'Das Passwort ist falsch.');
    await expect(password).toBeFocused();
  });

  await test.step('With the password the file downloads', async () => {
    await password.fill(owner.password);
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/^pilar-export-kraftwerk-koeln-export-\d{4}-\d{2}-\d{2}\.json$/);
    await expect(section.getByRole('status')).toHaveText(
      `Die Datei ${fileName} wird heruntergeladen.`,
    );
    await expect(password).toHaveValue('');
    const text = await readFile(await download.path(), 'utf8');
    const data = JSON.parse(text) as {
      format: string;
      studio: { name: string };
      team: { email: string }[];
    };
    expect(data.format).toBe('pilar-studio-export/1');
    expect(data.studio.name).toBe(owner.studioName);
    expect(JSON.stringify(data.team)).toContain(owner.email);
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('tokenHash');
    expect(text).not.toContain(owner.password);
  });
});

test('the owner deletes the studio: only with its name as shown, then for good', async ({
  page,
  request,
}) => {
  const owner = await createOwner(request, 'Abschied Fitness');
  const section = page.getByRole('region', { name: 'Studio löschen' });
  const password = section.getByLabel('Passwort zur Bestätigung');
  const name = section.getByLabel('Name des Studios zur Bestätigung');
  const understood = section.getByRole('checkbox', {
    name: 'Ich verstehe, dass alle Daten des Studios endgültig gelöscht werden',
  });
  const deleteButton = section.getByRole('button', { name: 'Studio endgültig löschen' });

  await test.step('The danger zone names the studio and what goes with it', async () => {
    await logIn(page, owner);
    await openView(page, 'Sicherheit');
    await expect(section).toContainText('Das Studio „Abschied Fitness“ wird mit allen Daten');
    await expect(name).toHaveAccessibleDescription(
      'Geben Sie „Abschied Fitness“ genau so ein, wie es hier steht.',
    );
  });

  await test.step('Nothing given: every field says what is missing', async () => {
    await deleteButton.click();
    await expect(password).toBeFocused();
    await expectFieldError(name, 'Darf nicht leer sein.');
    await expectFieldError(understood, 'Bitte bestätigen Sie, dass Sie das verstanden haben.');
    await expectAccessible(page, 'deletion refused');
  });

  await test.step('Another name is refused', async () => {
    await password.fill(owner.password);
    await name.fill('abschied fitness');
    await understood.check();
    await deleteButton.click();
    await expectFieldError(name, 'Der Name stimmt nicht mit dem Namen des Studios überein.');
    await expect(name).toBeFocused();
  });

  await test.step('A wrong password is refused by the server', async () => {
    await name.fill(owner.studioName);
    await password.fill('nicht-das-passwort');
    await deleteButton.click();
    await expectFieldError(password, 'Das Passwort ist falsch.');
    expect(await whoAmI(page.request)).toMatchObject({ email: owner.email });
  });

  await test.step('With the right name and password the studio is gone, and so is the login', async () => {
    await password.fill(owner.password);
    await deleteButton.click();
    await expect(page).toHaveURL(/\/login\?deleted=1$/);
    await expect(heading(page, 'Anmelden')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(
      'Ihr Studio wurde gelöscht. Eine Bestätigung ist an Ihre E-Mail-Adresse unterwegs.',
    );
    expect(await whoAmI(page.request)).toBeNull();
    await waitForMail(request, owner.email, /^Ihr Studio Abschied Fitness wurde gelöscht$/);
  });

  await test.step('The old credentials no longer log in', async () => {
    await page.getByLabel('E-Mail-Adresse').fill(owner.email);
    await page.getByLabel('Passwort', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert')).toHaveText('E-Mail-Adresse oder Passwort ist falsch.');
  });
});
