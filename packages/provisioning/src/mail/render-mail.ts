import type { Locale } from '../contracts/locale.ts';
import type { MailBrand, MailContent, RenderedMail } from './mail-content.ts';
import { emailChange } from './templates/email-change.ts';
import { emailChanged } from './templates/email-changed.ts';
import { renderHtml } from './templates/html-layout.ts';
import type { MailDocument } from './templates/mail-document.ts';
import { passwordChanged } from './templates/password-changed.ts';
import { passwordReset } from './templates/password-reset.ts';
import { passwordResetUnknown } from './templates/password-reset-unknown.ts';
import { phoneLive, phoneRejected } from './templates/phone-going-live.ts';
import { studioDeleted } from './templates/studio-deleted.ts';
import { teamInvitation } from './templates/team-invitation.ts';
import { renderText } from './templates/text-layout.ts';
import { verifyEmail } from './templates/verify-email.ts';

const describe = (content: MailContent, locale: Locale, brand: MailBrand): MailDocument => {
  switch (content.template) {
    case 'verify_email':
      return verifyEmail[locale](content, brand);
    case 'password_reset':
      return passwordReset[locale](content, brand);
    case 'password_reset_unknown':
      return passwordResetUnknown[locale](content, brand);
    case 'password_changed':
      return passwordChanged[locale](content, brand);
    case 'email_change':
      return emailChange[locale](content, brand);
    case 'email_changed':
      return emailChanged[locale](content, brand);
    case 'team_invitation':
      return teamInvitation[locale](content, brand);
    case 'studio_deleted':
      return studioDeleted[locale](content, brand);
    case 'phone_live':
      return phoneLive[locale](content, brand);
    case 'phone_rejected':
      return phoneRejected[locale](content, brand);
  }
};

/** A mail's subject, HTML and plain text in the recipient's language. */
export const renderMail = async (
  content: MailContent,
  locale: Locale,
  brand: MailBrand,
): Promise<RenderedMail> => {
  const document = describe(content, locale, brand);
  return {
    subject: document.subject,
    html: await renderHtml(document, locale, brand),
    text: renderText(document, locale, brand),
  };
};
