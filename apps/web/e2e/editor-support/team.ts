import { type Browser, expect, type Page, type TestInfo } from '@playwright/test';
import { openView } from './editor-page.ts';
import { linkIn, waitForMail } from './mail.ts';

/** A page in a browser of its own (its own cookies): a second person, or a second device. */
export const newPage = async (browser: Browser, testInfo: TestInfo): Promise<Page> => {
  const { baseURL, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  return context.newPage();
};

export const invitationSubject = (studioName: string) =>
  new RegExp(`^Einladung in das Team von ${studioName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The Team view's parts, by their headings. */
export const teamView = (page: Page) => ({
  members: page.getByRole('list', { name: 'Mitglieder' }).getByRole('listitem'),
  invitations: page.getByRole('region', { name: 'Offene Einladungen' }),
  invite: page.getByRole('region', { name: 'Jemanden einladen' }),
});

/** The owner invites `email` from the Team view; gives the path of the mailed link. */
export const invite = async (page: Page, email: string, studioName: string) => {
  await openView(page, 'Team');
  const { invite: form } = teamView(page);
  await form.getByLabel('E-Mail-Adresse').fill(email);
  await form.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(form.getByRole('status')).toContainText(
    `Wir haben eine Einladung an ${email} geschickt.`,
  );
  const mail = await waitForMail(page.request, email, invitationSubject(studioName));
  return linkIn(mail, '/invitation');
};
