import { days } from './durations.ts';
import { action, type MailWording, paragraph, strong } from './mail-document.ts';

export const teamInvitation: MailWording<'team_invitation'> = {
  de: (content) => ({
    subject: `Einladung in das Team von ${content.studioName}`,
    heading: 'Sie wurden eingeladen',
    blocks: [
      paragraph(
        strong(content.invitedBy),
        ' lädt Sie ein, das Studio ',
        strong(content.studioName),
        ' bei PILAR als Admin mitzuverwalten: Einstellungen, Öffnungszeiten, Regeln und Kanäle.',
      ),
      action('Einladung annehmen', content.acceptUrl),
      paragraph(
        `Der Link ist ${days('de', content.validDays)} gültig und kann einmal verwendet werden. Dabei legen Sie Ihr Passwort fest.`,
      ),
      paragraph(
        'Falls Sie diese Einladung nicht erwartet haben, können Sie die E-Mail ignorieren.',
      ),
    ],
    reason:
      'Sie erhalten diese E-Mail, weil jemand aus einem Studio bei PILAR diese Adresse eingeladen hat.',
  }),
  en: (content) => ({
    subject: `Invitation to the team of ${content.studioName}`,
    heading: 'You have been invited',
    blocks: [
      paragraph(
        strong(content.invitedBy),
        ' invites you to help run the studio ',
        strong(content.studioName),
        ' on PILAR as an admin: settings, opening hours, rules and channels.',
      ),
      action('Accept the invitation', content.acceptUrl),
      paragraph(
        `The link is valid for ${days('en', content.validDays)} and can be used once. You choose your password with it.`,
      ),
      paragraph('If you did not expect this invitation, you can ignore this email.'),
    ],
    reason:
      'You are receiving this email because someone from a studio on PILAR invited this address.',
  }),
};
