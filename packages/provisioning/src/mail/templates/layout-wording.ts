import type { Locale } from '../../contracts/locale.ts';

/** The sentences every mail's layout shares, beside each template's own. */
export const layoutWording: Record<
  Locale,
  { buttonFallback: string; sentAutomatically: (operatorName: string) => string }
> = {
  de: {
    buttonFallback: 'Falls der Button nicht funktioniert, öffnen Sie diesen Link:',
    sentAutomatically: (operatorName) =>
      `Diese E-Mail wurde automatisch von ${operatorName} versendet.`,
  },
  en: {
    buttonFallback: 'If the button does not work, open this link:',
    sentAutomatically: (operatorName) => `This email was sent automatically by ${operatorName}.`,
  },
};
