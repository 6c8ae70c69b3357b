import { hours, minutes } from './durations.ts';
import { action, code, type MailWording, paragraph, strong } from './mail-document.ts';

export const verifyEmail: MailWording<'verify_email'> = {
  de: (content) => ({
    subject: content.welcome
      ? 'Willkommen bei PILAR – bitte bestätigen Sie Ihre E-Mail-Adresse'
      : 'Bestätigen Sie Ihre E-Mail-Adresse',
    heading: content.welcome ? 'Willkommen bei PILAR' : 'Bestätigen Sie Ihre E-Mail-Adresse',
    blocks: [
      content.welcome
        ? paragraph(
            'Vielen Dank, dass Sie Ihr Studio ',
            strong(content.studioName),
            ' bei PILAR registriert haben. Bitte bestätigen Sie jetzt Ihre E-Mail-Adresse.',
          )
        : paragraph(
            'Bitte bestätigen Sie die E-Mail-Adresse für Ihr Studio ',
            strong(content.studioName),
            ' bei PILAR.',
          ),
      action('E-Mail-Adresse bestätigen', content.verifyUrl),
      paragraph(`Der Link ist ${hours('de', content.linkValidHours)} gültig.`),
      paragraph('Sie können stattdessen auch diesen Code in PILAR eingeben:'),
      code(content.code),
      paragraph(`Der Code ist ${minutes('de', content.codeValidMinutes)} gültig.`),
      paragraph(
        content.welcome
          ? 'Falls Sie sich nicht bei PILAR registriert haben, können Sie diese E-Mail ignorieren.'
          : 'Falls Sie diese Bestätigung nicht angefordert haben, können Sie diese E-Mail ignorieren.',
      ),
    ],
    reason: content.welcome
      ? 'Sie erhalten diese E-Mail, weil mit dieser Adresse ein Studio bei PILAR registriert wurde.'
      : 'Sie erhalten diese E-Mail, weil für Ihr PILAR-Konto die Bestätigung dieser Adresse angefordert wurde.',
  }),
  en: (content) => ({
    subject: content.welcome
      ? 'Welcome to PILAR – please confirm your email address'
      : 'Confirm your email address',
    heading: content.welcome ? 'Welcome to PILAR' : 'Confirm your email address',
    blocks: [
      content.welcome
        ? paragraph(
            'Thank you for registering your studio ',
            strong(content.studioName),
            ' with PILAR. Please confirm your email address now.',
          )
        : paragraph(
            'Please confirm the email address for your studio ',
            strong(content.studioName),
            ' on PILAR.',
          ),
      action('Confirm email address', content.verifyUrl),
      paragraph(`The link is valid for ${hours('en', content.linkValidHours)}.`),
      paragraph('You can also enter this code in PILAR instead:'),
      code(content.code),
      paragraph(`The code is valid for ${minutes('en', content.codeValidMinutes)}.`),
      paragraph(
        content.welcome
          ? 'If you did not register with PILAR, you can ignore this email.'
          : 'If you did not ask for this confirmation, you can ignore this email.',
      ),
    ],
    reason: content.welcome
      ? 'You are receiving this email because a studio was registered with PILAR using this address.'
      : 'You are receiving this email because a confirmation of this address was requested for a PILAR account.',
  }),
};
