import { useLanguage, useTranslation } from '../i18n/i18n.tsx';
import { wizardMessages } from '../i18n/wizard-messages.ts';

/** Names the other language in that language, as owners look for it. */
export const LanguageToggle = () => {
  const t = useTranslation(wizardMessages);
  const { language, setLanguage } = useLanguage();
  const other = language === 'de' ? 'en' : 'de';
  return (
    <button type="button" className="button link" lang={other} onClick={() => setLanguage(other)}>
      {t('switchLanguage')}
    </button>
  );
};
