import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';

/** One mail the server's built-in catcher kept (`/dev/mail/messages.json`). */
export interface CaughtMail {
  id: string;
  messageId: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

const isTo = (mail: CaughtMail, address: string) =>
  mail.to.some((to) => to.toLowerCase().includes(address.toLowerCase()));

/** Every caught mail to `address`, newest first. */
export const mailsTo = async (request: APIRequestContext, address: string) => {
  const response = await request.get('/dev/mail/messages.json');
  expect(response.status(), await response.text()).toBe(200);
  const { messages } = (await response.json()) as { messages: CaughtMail[] };
  return messages.filter((mail) => isTo(mail, address));
};

/**
 * The newest mail to `address` whose subject matches, once it has arrived (delivery runs as
 * a job); mails in `seen` do not count, so a second mail of a kind can be told from the first.
 */
export const waitForMail = async (
  request: APIRequestContext,
  address: string,
  subject: RegExp,
  seen: readonly CaughtMail[] = [],
): Promise<CaughtMail> => {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const mails = await mailsTo(request, address);
        found = mails.find(
          (mail) => subject.test(mail.subject) && !seen.some((old) => old.id === mail.id),
        );
        return found ? found.subject : `only: ${mails.map((mail) => mail.subject).join(' | ')}`;
      },
      { message: `a mail to ${address} with the subject ${subject}`, timeout: 30_000 },
    )
    .toMatch(subject);
  if (!found) throw new Error(`no mail to ${address} with the subject ${subject}`);
  return found;
};

/** The path and query of the mail's link to `path` (the test server's own origin serves it). */
export const linkIn = (mail: CaughtMail, path: string) => {
  const link = mail.text
    .match(/https?:\/\/\S+/g)
    ?.map((url) => new URL(url))
    .find((url) => url.pathname === path);
  if (!link) throw new Error(`no ${path} link in "${mail.subject}":\n${mail.text}`);
  return `${link.pathname}${link.search}`;
};

/** The 6-digit code, on a line of its own in the text part. */
export const codeIn = (mail: CaughtMail) => {
  const code = /^\s*(\d{6})\s*$/m.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in "${mail.subject}":\n${mail.text}`);
  return code;
};

/** A six-digit code that is certainly not `code`. */
export const otherCode = (code: string) => (code === '000000' ? '111111' : '000000');

/**
 * Opens one caught mail the way a developer does: the list at /dev/mail, then its row; gives
 * the mail's text part, whose links open in a new tab.
 */
export const openCaughtMail = async (page: Page, mail: CaughtMail) => {
  await page.goto('/dev/mail');
  const row = `/dev/mail/${mail.id}`;
  await page.locator(`a[href="${row}"], a[href^="${row}?"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${row}(\\?.*)?$`));
  return page.locator('pre');
};

/**
 * Follows a link that opens in a new tab, and gives that tab (the context's: a `noopener`
 * link's tab is no popup of the page). With the keyboard: in headless Chromium a mouse click
 * on /dev/mail's links, beside the mail's sandboxed frame, does not reliably open the tab.
 */
export const followToNewTab = async (page: Page, link: Locator) => {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.press('Enter')]);
  await tab.waitForLoadState();
  return tab;
};

/** What `auth.me` says for the session of `request` (a page's or a context's), or null. */
export const whoAmI = async (request: APIRequestContext) => {
  const response = await request.get('/trpc/auth.me');
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as {
    result: {
      data: { user: { email: string; emailVerified: boolean; pendingEmail: string | null } } | null;
    };
  };
  return body.result.data?.user ?? null;
};

export const WELCOME_SUBJECT = /^Willkommen bei PILAR/;
export const RESET_SUBJECT = /^Passwort zurücksetzen$/;
export const EMAIL_CHANGE_SUBJECT = /^Neue E-Mail-Adresse bestätigen$/;
