import { goLiveMessages } from '../../i18n/golive-messages.ts';
import { useTranslation } from '../../i18n/i18n.tsx';

/** Going live's messages in the current language. */
export const useGoLiveText = () => useTranslation(goLiveMessages);
