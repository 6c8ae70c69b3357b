import { type Language, useLanguage } from '../i18n/i18n.tsx';

/** Each language named in itself, as someone who reads only that one looks for it. */
const NAMES: Record<Language, string> = { de: 'Deutsch', en: 'English' };

/**
 * Switches the interface to the other language (the studio's own language setting stays);
 * `className` gives its look, a kit button.
 */
export const LanguageSwitch = ({ className }: { className: string }) => {
  const { language, setLanguage } = useLanguage();
  const other = language === 'de' ? 'en' : 'de';
  return (
    <button type="button" className={className} lang={other} onClick={() => setLanguage(other)}>
      {NAMES[other]}
    </button>
  );
};
