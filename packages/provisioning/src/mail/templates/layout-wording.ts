import type { Locale } from '../../contracts/locale.ts';
import { LEGAL_LINK_LABELS } from '../../legal/labels.ts';

/** The sentences every mail's layout shares, beside each template's own. */
export const layoutWording: Record<
  Locale,
  {
    buttonFallback: string;
    sentAutomatically: (operatorName: string) => string;
    imprint: string;
    privacy: string;
  }
> = {
  de: {
    buttonFallback: 'Falls der Button nicht funktioniert, öffnen Sie diesen Link:',
    sentAutomatically: (operatorName) =>
      `Diese E-Mail wurde automatisch von ${operatorName} versendet.`,
    imprint: LEGAL_LINK_LABELS.de.imprint,
    privacy: LEGAL_LINK_LABELS.de.privacy,
  },
  en: {
    buttonFallback: 'If the button does not work, open this link:',
    sentAutomatically: (operatorName) => `This email was sent automatically by ${operatorName}.`,
    imprint: LEGAL_LINK_LABELS.en.imprint,
    privacy: LEGAL_LINK_LABELS.en.privacy,
  },
};
