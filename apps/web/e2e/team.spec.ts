import { expect, test } from '@playwright/test';
import { openView, saveSection } from './editor-support/editor-page.ts';
import { whoAmI } from './editor-support/mail.ts';
import { createOwner, logIn } from './editor-support/owner.ts';
import { invite, newPage, teamView } from './editor-support/team.ts';
import {
  expectAccessible,
  expectFieldError,
  heading,
  PASSWORD,
  uniqueEmail,
} from './support/wizard.ts';

test('the owner invites an admin, who edits the settings but not the team, until removed', async ({
  page,
  request,
  browser,
}, testInfo) => {
  const owner = await createOwner(request, 'Kraftwerk Köln');
  const adminEmail = uniqueEmail('admin');
  const admin = await newPage(browser, testInfo);
  const team = teamView(page);
  let link = '';

  await test.step('The owner’s Team view: the owner alone, nobody invited', async () => {
    await logIn(page, owner);
    await openView(page, 'Team');
    await expect(page).toHaveURL(/\/settings\/team$/);
    await expect(team.members).toHaveCount(1);
    await expect(team.members).toContainText(owner.email);
    await expect(team.members).toContainText('RolleInhaber/in');
    await expect(team.members).toContainText('Sie');
    await expect(team.members.getByRole('button')).toHaveCount(0);
    await expect(team.invitations).toContainText('Keine offenen Einladungen.');
    await expect(team.invite).toContainText('RolleAdmin');
    await expectAccessible(page, 'team');
  });

  await test.step('An invalid address and one on the team are refused at the field', async () => {
    const email = team.invite.getByLabel('E-Mail-Adresse');
    const send = team.invite.getByRole('button', { name: 'Einladung senden' });
    await email.fill('kein-at-zeichen');
    await send.click();
    await expectFieldError(email, 'Bitte eine gültige E-Mail-Adresse eingeben.');
    await expect(email).toBeFocused();
    await email.fill(owner.email.toUpperCase());
    await send.click();
    await expectFieldError(email, 'Diese Person gehört schon zum Team.');
  });

  await test.step('The invitation goes out by mail and is listed as open', async () => {
    link = await invite(page, adminEmail, owner.studioName);
    const open = team.invitations.getByRole('listitem');
    await expect(open).toHaveCount(1);
    await expect(open).toContainText(adminEmail);
    await expect(open).toContainText(`von ${owner.email}`);
    await expect(open).toContainText(/Gültig bis\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  });

  await test.step('The mail’s link tells the invitee who invites them into which studio', async () => {
    await admin.goto(link);
    await expect(heading(admin, 'Einladung annehmen')).toBeVisible();
    const main = admin.getByRole('main');
    await expect(main).toContainText(
      `${owner.email} lädt Sie ein, das Studio „Kraftwerk Köln“ bei PILAR als Admin mitzuverwalten.`,
    );
    await expect(main).toContainText(`Ihre E-Mail-Adresse${adminEmail}`);
    await expectAccessible(admin, 'invitation');
  });

  await test.step('Accepting with a password (twice) logs the admin in', async () => {
    const password = admin.getByLabel('Passwort', { exact: true });
    const repeat = admin.getByLabel('Passwort wiederholen');
    const accept = admin.getByRole('button', { name: 'Einladung annehmen' });
    await password.fill(PASSWORD);
    await repeat.fill(`${PASSWORD}!`);
    await accept.click();
    await expectFieldError(repeat, 'Die Passwörter stimmen nicht überein.');
    await repeat.fill(PASSWORD);
    await accept.click();
    await expect(admin).toHaveURL(/\/settings\/general$/);
    await expect(admin.getByRole('banner')).toContainText(adminEmail);
    await expect(admin.getByRole('banner')).toContainText(owner.studioName);
    // Accepting the mailed link confirmed the address.
    await expect(admin.getByRole('region', { name: 'E-Mail-Bestätigung' })).toHaveCount(0);
    expect(await whoAmI(admin.request)).toMatchObject({ email: adminEmail, emailVerified: true });
  });

  await test.step('The admin edits a setting and saves it; the history names the admin', async () => {
    await openView(admin, 'Sprachagent');
    await admin.getByLabel('Temperatur').fill('0.9');
    await saveSection(admin);
    await openView(admin, 'Verlauf');
    const newest = admin.getByRole('table').getByRole('row').nth(1);
    await expect(newest).toContainText('Sprachagent');
    await expect(newest).toContainText(adminEmail);
  });

  await test.step('The admin has no Team view: not in the navigation, and only a notice', async () => {
    const nav = admin.getByRole('navigation', { name: 'Einstellungen' });
    await expect(nav.getByRole('link', { name: 'Verlauf' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Team', exact: true })).toHaveCount(0);
    await admin.goto('/settings/team');
    await expect(heading(admin, 'Team')).toBeVisible();
    await expect(admin.getByRole('main')).toContainText(
      'Nur die Inhaberin bzw. der Inhaber des Studios verwaltet das Team.',
    );
    await expect(admin.getByRole('list', { name: 'Mitglieder' })).toHaveCount(0);
    await expectAccessible(admin, 'team for an admin');
  });

  await test.step('The admin’s Sicherheit has no export and no deletion', async () => {
    await openView(admin, 'Sicherheit');
    await expect(admin.getByRole('region', { name: 'Passwort ändern' })).toBeVisible();
    await expect(admin.getByRole('region', { name: 'Daten exportieren' })).toHaveCount(0);
    await expect(admin.getByRole('region', { name: 'Studio löschen' })).toHaveCount(0);
  });

  await test.step('The owner sees the admin, confirmed, and removes them in a second step', async () => {
    await page.reload();
    await expect(team.members).toHaveCount(2);
    await expect(team.invitations).toContainText('Keine offenen Einladungen.');
    const row = team.members.filter({ hasText: adminEmail });
    await expect(row).toContainText('RolleAdmin');
    await expect(row).toContainText('E-Mail-Adressebestätigt');
    const remove = row.getByRole('button', { name: `${adminEmail} entfernen` });
    await remove.click();
    await expect(row.getByText(`${adminEmail} wirklich aus dem Team entfernen?`)).toBeFocused();
    await row.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(remove).toBeFocused();
    await remove.click();
    await expectAccessible(page, 'team asking to remove');
    await row.getByRole('button', { name: 'Wirklich entfernen' }).click();
    await expect(page.getByRole('region', { name: 'Mitglieder' }).getByRole('status')).toHaveText(
      `${adminEmail} wurde aus dem Team entfernt; alle Anmeldungen dieser Person sind beendet.`,
    );
    await expect(team.members).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 2, name: 'Mitglieder' })).toBeFocused();
  });

  await test.step('The removed admin’s next action ends at the login', async () => {
    await openView(admin, 'Sprachagent');
    await admin.getByLabel('Temperatur').fill('1.1');
    await admin.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(admin).toHaveURL(/\/login\?next=%2Fsettings%2Fvoice$/);
    await expect(heading(admin, 'Anmelden')).toBeVisible();
    await admin.getByLabel('E-Mail-Adresse').fill(adminEmail);
    await admin.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
    await admin.getByRole('button', { name: 'Anmelden' }).click();
    await expect(admin.getByRole('alert')).toHaveText('E-Mail-Adresse oder Passwort ist falsch.');
  });

  await test.step('The history keeps the change, by a removed member', async () => {
    await openView(page, 'Verlauf');
    await expect(page.getByRole('table')).toContainText('einem entfernten Mitglied');
    await expect(page.getByRole('table')).not.toContainText(adminEmail);
  });
});

test('an invitation’s link explains itself: another login first, withdrawn, incomplete', async ({
  page,
  request,
}) => {
  const owner = await createOwner(request, 'Zurückgezogen Fitness');
  const invitee = uniqueEmail('withdrawn');
  let link = '';

  await test.step('Opened while logged in as someone else, the page says so', async () => {
    await logIn(page, owner);
    link = await invite(page, invitee, owner.studioName);
    await page.goto(link);
    await expect(heading(page, 'Einladung annehmen')).toBeVisible();
    await expect(page.getByRole('main')).toContainText(
      `In diesem Browser sind Sie gerade als ${owner.email} angemeldet.`,
    );
    await expectAccessible(page, 'invitation while logged in');
    await page.getByRole('button', { name: 'Zuerst abmelden' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Sie sind abgemeldet. Legen Sie jetzt Ihr Passwort für den neuen Zugang fest.',
    );
    await expect(page.getByRole('status')).toBeFocused();
    expect(await whoAmI(page.request)).toBeNull();
  });

  await test.step('The owner withdraws the invitation', async () => {
    await logIn(page, owner);
    await openView(page, 'Team');
    const { invitations } = teamView(page);
    await invitations.getByRole('button', { name: `Einladung an ${invitee} zurückziehen` }).click();
    await expect(invitations.getByRole('status')).toHaveText(
      `Die Einladung an ${invitee} wurde zurückgezogen; ihr Link gilt nicht mehr.`,
    );
    await expect(invitations).toContainText('Keine offenen Einladungen.');
    await expect(page.getByRole('heading', { level: 2, name: 'Offene Einladungen' })).toBeFocused();
  });

  await test.step('The withdrawn link, and an incomplete one, are explained', async () => {
    await page.goto(link);
    await expect(page.getByRole('main')).toContainText(
      'Diese Einladung ist ungültig, wurde zurückgezogen oder schon angenommen.',
    );
    await expect(page.getByRole('button', { name: 'Einladung annehmen' })).toHaveCount(0);
    await expectAccessible(page, 'invitation withdrawn');
    await page.goto('/invitation');
    await expect(page.getByRole('main')).toContainText('Dieser Link ist unvollständig.');
  });
});
