import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

export type Language = 'de' | 'en';
export type Messages = Record<string, string>;
/** A message table per language; German is the default and the reference. */
export type Catalog<K extends string> = Record<Language, Record<K, string>>;

const STORAGE_KEY = 'pilar.language';

const initialLanguage = (): Language => {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'de' ? stored : 'de';
};

const LanguageContext = createContext<{ language: Language; setLanguage(l: Language): void }>({
  language: 'de',
  setLanguage: () => {},
});

export const LanguageProvider = ({ children }: { children: ReactNode }) => {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  // The page's language, for screen readers and the browser; set here only.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(
    () => ({
      language,
      setLanguage: (next: Language) => {
        window.localStorage.setItem(STORAGE_KEY, next);
        setLanguageState(next);
      },
    }),
    [language],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
};

export const useLanguage = () => useContext(LanguageContext);

/**
 * `t(key, { name: 'x' })` from the given catalog in the current language; `{name}` in a
 * message is replaced by the value.
 */
export const useTranslation = <K extends string>(catalog: Catalog<K>) =>
  translate(catalog, useLanguage().language);

/** `useTranslation` for a given language, outside React (and in tests). */
export const translate =
  <K extends string>(catalog: Catalog<K>, language: Language) =>
  (key: K, values: Record<string, string | number> = {}) =>
    catalog[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
      String(values[name] ?? `{${name}}`),
    );
