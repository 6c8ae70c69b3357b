import { useLanguage } from '../../i18n/i18n.tsx';

/** Switches the interface between German and English (the studio's settings are unaffected). */
export const LanguageSwitch = () => {
  const { language, setLanguage } = useLanguage();
  const other = language === 'de' ? 'en' : 'de';
  return (
    <button type="button" className="ed-button small secondary" onClick={() => setLanguage(other)}>
      <span lang={other}>{other === 'en' ? 'English' : 'Deutsch'}</span>
    </button>
  );
};
