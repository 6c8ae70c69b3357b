import {
  dayRanges,
  type TenantConfig,
  WEEKDAYS,
  type Weekday,
} from '../contracts/tenant-config.ts';
import { DEFAULT_SYSTEM_PROMPT } from '../defaults/agent-prompt.ts';

const WEEKDAY_NAMES: Record<Weekday, string> = {
  monday: 'Montag',
  tuesday: 'Dienstag',
  wednesday: 'Mittwoch',
  thursday: 'Donnerstag',
  friday: 'Freitag',
  saturday: 'Samstag',
  sunday: 'Sonntag',
};
const TONES: Record<TenantConfig['personality']['tone'], string> = {
  friendly: 'freundlich',
  professional: 'professionell',
  enthusiastic: 'begeistert',
  calm: 'ruhig',
};
const STYLES: Record<TenantConfig['personality']['style'], string> = {
  professional: 'professionell',
  casual: 'locker',
  motivational: 'motivierend',
};

const FORMS = {
  informal: {
    line: '- Du sprichst Deutsch und verwendest die Du-Form',
    rule: 'Verwende die Du-Form',
    address:
      'Sprich Kundinnen und Kunden immer mit „du“ an (du, dich, dir, dein) – niemals mit „Sie“.',
  },
  formal: {
    line: '- Du sprichst Deutsch und verwendest die Sie-Form',
    rule: 'Verwende die Sie-Form',
    address: 'Sprich Kundinnen und Kunden immer mit „Sie“ an (Sie, Ihnen, Ihr) – niemals mit „du“.',
  },
} as const;

// The default rule names the form of address; it follows the chosen formality so that the
// prompt never asks for "Du" and "Sie" at once.
const addressRule = (rule: string, chosen: string) =>
  rule === FORMS.informal.rule || rule === FORMS.formal.rule ? chosen : rule;

const formatDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export interface PromptContext {
  studioName: string;
  config: TenantConfig;
}

/**
 * The exact system prompt the agent receives: the specification's base prompt, then the
 * studio's own facts, personality, rules, hours and closing days. The same function renders
 * the live preview in the editor and the stored prompt on the server.
 */
export const renderAgentPrompt = ({ studioName, config }: PromptContext): string => {
  const form = FORMS[config.personality.formality];
  const base = DEFAULT_SYSTEM_PROMPT.replace(FORMS.informal.line, form.line);
  const hours = WEEKDAYS.map((day) => {
    const ranges = dayRanges(config.businessHours[day]);
    const text =
      ranges.length === 0
        ? 'geschlossen'
        : ranges.map((r) => `${r.open}–${r.close} Uhr`).join(', ');
    return `- ${WEEKDAY_NAMES[day]}: ${text}`;
  });
  const closingDays = [...config.closingDays]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => `- ${formatDate(day.date)}: ${day.label} (geschlossen)`);
  return [
    base,
    '',
    'DEIN STUDIO:',
    `- Name: ${studioName}`,
    `- Zeitzone: ${config.timezone}, Währung: ${config.currency}`,
    '',
    'PERSÖNLICHKEIT:',
    `- Ton: ${TONES[config.personality.tone]}`,
    `- Stil: ${STYLES[config.personality.style]}`,
    `- Anrede: ${form.address}`,
    '',
    'STUDIOREGELN:',
    ...(config.studioRules.length > 0
      ? config.studioRules.map((rule, index) => `${index + 1}. ${addressRule(rule, form.rule)}`)
      : ['(keine)']),
    '',
    'ÖFFNUNGSZEITEN:',
    ...hours,
    ...(closingDays.length > 0 ? ['', 'BESONDERE SCHLIESSTAGE:', ...closingDays] : []),
  ].join('\n');
};
