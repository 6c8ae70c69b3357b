import { z } from 'zod/mini';
import { rule } from './problems.ts';
import {
  businessHoursSchema,
  closingDaysSchema,
  featuresSchema,
  generalSettingsSchema,
  openingMessagesSchema,
  personalitySchema,
  studioRulesSchema,
  type TenantConfig,
  voiceSettingsSchema,
  whatsAppSettingsSchema,
} from './tenant-config.ts';

/** The editor's sections; each is saved on its own, against the version it was based on. */
export const sectionSchemas = {
  general: generalSettingsSchema,
  voice: voiceSettingsSchema,
  whatsapp: whatsAppSettingsSchema,
  personality: personalitySchema,
  studioRules: studioRulesSchema,
  businessHours: z.object({ hours: businessHoursSchema, closingDays: closingDaysSchema }),
  openingMessages: openingMessagesSchema,
  features: featuresSchema,
} as const;

export type SettingsSection = keyof typeof sectionSchemas;
export const SETTINGS_SECTIONS = Object.keys(sectionSchemas) as SettingsSection[];
export type SectionValue<S extends SettingsSection> = z.output<(typeof sectionSchemas)[S]>;

/** A settings version: a positive 32-bit integer, like the column that stores it. */
export const settingsVersionSchema = z
  .number({ error: 'Settings version must be a number' })
  .check(
    z.refine(
      (version) => Number.isInteger(version) && version > 0 && version <= 2_147_483_647,
      rule('noSuchVersion', 'No such settings version'),
    ),
  );
const expectedVersion = settingsVersionSchema;
const save = <S extends SettingsSection>(section: S) =>
  z.object({ section: z.literal(section), value: sectionSchemas[section], expectedVersion });

export const sectionSaveSchema = z.discriminatedUnion(
  'section',
  [
    save('general'),
    save('voice'),
    save('whatsapp'),
    save('personality'),
    save('studioRules'),
    save('businessHours'),
    save('openingMessages'),
    save('features'),
  ],
  { error: `Section must be one of: ${SETTINGS_SECTIONS.join(', ')}` },
);
export type SectionSave = z.output<typeof sectionSaveSchema>;
/** One section's new value, whichever section it is. */
export type SectionChange = {
  [S in SettingsSection]: { section: S; value: SectionValue<S> };
}[SettingsSection];

export const readSection = <S extends SettingsSection>(
  config: TenantConfig,
  section: S,
): SectionValue<S> => {
  const values: { [K in SettingsSection]: SectionValue<K> } = {
    general: { language: config.language, timezone: config.timezone, currency: config.currency },
    voice: config.voice,
    whatsapp: config.whatsapp,
    personality: config.personality,
    studioRules: config.studioRules,
    businessHours: { hours: config.businessHours, closingDays: config.closingDays },
    openingMessages: config.openingMessages,
    features: config.features,
  };
  return values[section];
};

/** The document with one section replaced; everything else stays as it was. */
export const writeSection = (config: TenantConfig, change: SectionChange): TenantConfig => {
  switch (change.section) {
    case 'general':
      return { ...config, ...change.value };
    case 'businessHours':
      return {
        ...config,
        businessHours: change.value.hours,
        closingDays: change.value.closingDays,
      };
    case 'voice':
      return { ...config, voice: change.value };
    case 'whatsapp':
      return { ...config, whatsapp: change.value };
    case 'personality':
      return { ...config, personality: change.value };
    case 'studioRules':
      return { ...config, studioRules: change.value };
    case 'openingMessages':
      return { ...config, openingMessages: change.value };
    case 'features':
      return { ...config, features: change.value };
  }
};
