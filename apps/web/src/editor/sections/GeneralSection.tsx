import { LANGUAGES } from '@pilar/provisioning/contracts';
import { useMemo } from 'react';
import { useLanguage } from '../../i18n/i18n.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { pick } from '../fields/pick.ts';
import { SelectInput } from '../fields/SelectInput.tsx';
import { useEditorText } from '../useEditorText.ts';
import type { SectionProps } from './section-props.ts';

const LANGUAGE_NAMES = { de: 'Deutsch', en: 'English' } as const;

const timeIn = (timeZone: string, locale: string) => {
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date());
  } catch {
    return null;
  }
};

export const GeneralSection = ({ value, onChange, errors }: SectionProps<'general'>) => {
  const t = useEditorText();
  const { language } = useLanguage();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const currencies = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'currency' });
    return Intl.supportedValuesOf('currency').map((code) => ({
      value: code,
      label: `${code} – ${names.of(code) ?? code}`,
    }));
  }, [language]);
  const now = timeIn(value.timezone, language);

  return (
    <>
      <SelectInput
        id="f-language"
        label={t('languageLabel')}
        hint={t('languageHint')}
        value={value.language}
        options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        onChange={(next) => onChange({ ...value, language: pick(LANGUAGES, next, value.language) })}
        error={errors.language}
      />
      <TextField
        id="f-timezone"
        label={t('timezoneLabel')}
        hint={now ? t('timezoneHintWithTime', { time: now }) : t('timezoneHint')}
        list="ed-timezones"
        autoComplete="off"
        spellCheck={false}
        value={value.timezone}
        onChange={(event) => onChange({ ...value, timezone: event.target.value })}
        error={errors.timezone}
      />
      <datalist id="ed-timezones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <SelectInput
        id="f-currency"
        label={t('currencyLabel')}
        hint={t('currencyHint')}
        value={value.currency}
        options={currencies}
        onChange={(currency) => onChange({ ...value, currency })}
        error={errors.currency}
      />
    </>
  );
};
