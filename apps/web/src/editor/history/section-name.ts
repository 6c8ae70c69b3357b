import { SETTINGS_SECTIONS, type SettingsSection } from '@pilar/provisioning/contracts';
import { useEditorText } from '../useEditorText.ts';

const isSection = (value: string): value is SettingsSection =>
  (SETTINGS_SECTIONS as readonly string[]).includes(value);

/** The history's section names ("voice", "initial", "restore") in the owner's language. */
export const useSectionName = () => {
  const t = useEditorText();
  return (section: string) => {
    if (isSection(section)) return t(`view_${section}`);
    if (section === 'initial') return t('historyInitial');
    if (section === 'restore') return t('historyRestore');
    return section;
  };
};
