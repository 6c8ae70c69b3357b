import { useTranslation } from '../i18n/i18n.tsx';
import { legalMessages } from '../i18n/legal-messages.ts';
import { useLegalUrls } from './legal-documents.ts';

/**
 * Impressum and Datenschutz, below every screen. The server renders them as pages of their
 * own (plain links, no app navigation); `newTab` keeps a screen with unsaved entries open.
 */
export const LegalFooter = ({ newTab = false }: { newTab?: boolean }) => {
  const t = useTranslation(legalMessages);
  const urls = useLegalUrls();
  const target = newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {};
  const links = [
    { key: 'imprint', href: urls.imprint },
    { key: 'privacy', href: urls.privacy },
  ] as const;
  return (
    <footer className="legal-footer">
      <ul aria-label={t('footerLabel')}>
        {links.map(({ key, href }) => (
          <li key={key}>
            <a href={href} {...target}>
              {t(key)}
              {newTab && <span className="visually-hidden"> {t('newTab')}</span>}
            </a>
          </li>
        ))}
      </ul>
    </footer>
  );
};
