// zod/mini: the same contracts in the browser cost a fraction of full zod's bundle.
import { z } from 'zod/mini';
import { rule } from './problems.ts';

// Asking Intl about a name costs more than the rest of a settings check together, and every
// save checks the whole document: the canonical names are listed once, on first use.
let canonicalTimeZones: Set<string> | undefined;
let currencies: Set<string> | undefined;

const isTimeZone = (value: string) => {
  canonicalTimeZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalTimeZones.has(value)) return true;
  // Aliases and other spellings Intl accepts (e.g. "UTC", "europe/berlin") stay valid.
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const isCurrency = (value: string) => {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(value) && currencies.has(value);
};

export const LANGUAGES = ['de', 'en'] as const;
export const TTS_MODELS = ['tts-1', 'tts-1-hd', 'gpt-4o-mini-tts'] as const;
export const TTS_VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'nova',
  'onyx',
  'sage',
  'shimmer',
  'verse',
] as const;
export const TONES = ['friendly', 'professional', 'enthusiastic', 'calm'] as const;
export const STYLES = ['professional', 'casual', 'motivational'] as const;
/** `informal` addresses people with "Du", `formal` with "Sie". */
export const FORMALITIES = ['informal', 'formal'] as const;
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** WhatsApp Cloud API rejects text messages longer than this. */
export const WHATSAPP_MAX_MESSAGE_LENGTH = 4096;
export const STUDIO_RULES_MAX_COUNT = 30;
export const STUDIO_RULE_MAX_LENGTH = 300;
export const OPENING_MESSAGE_MAX_LENGTH = { voice: 500, whatsapp: 1000, email: 2000 } as const;

const boundedNumber = (label: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${label} must be a number` })
    .check(
      z.gte(min, `${label} must be at least ${min} ${unit}`),
      z.lte(max, `${label} must be at most ${max} ${unit}`),
    );

const boundedInteger = (label: string, min: number, max: number, unit: string) =>
  boundedNumber(label, min, max, unit).check(
    z.refine(Number.isInteger, rule('notInteger', `${label} must be a whole number`)),
  );

const choice = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(', ')}` });

/** PostgreSQL's jsonb cannot hold NUL or half of a surrogate pair; such text is refused. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isStorable = (value: string) => !value.includes('\u0000') && !LONE_SURROGATE.test(value);

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .check(
      z.trim(),
      z.minLength(1, `${label} must not be empty`),
      z.maxLength(max, `${label} must be at most ${max} characters`),
      z.refine(
        isStorable,
        rule('unstorable', `${label} contains characters that cannot be stored`),
      ),
    );

const flag = (label: string) => z.boolean({ error: `${label} must be true or false` });

export const timezoneSchema = z.string({ error: 'Time zone must be text' }).check(
  // A length bound first: Intl is not asked about arbitrarily long text.
  z.refine(
    (value) => value.length <= 64 && isTimeZone(value),
    rule('unknownTimeZone', 'Unknown time zone'),
  ),
);

export const generalSettingsSchema = z.object({
  language: choice('Language', LANGUAGES),
  timezone: timezoneSchema,
  currency: z
    .string({ error: 'Currency must be text' })
    .check(
      z.refine(isCurrency, rule('unknownCurrency', 'Unknown currency (ISO 4217 code expected)')),
    ),
});

export const voiceSettingsSchema = z.object({
  model: choice('TTS model', TTS_MODELS),
  voice: choice('Voice', TTS_VOICES),
  temperature: boundedNumber('Temperature', 0, 2, ''),
  maxDuration: boundedInteger('Maximum call duration', 30, 3600, 'seconds'),
  silenceTimeout: boundedInteger('Silence timeout', 1, 60, 'seconds'),
  interruptible: flag('Interruptible'),
});

export const whatsAppSettingsSchema = z.object({
  autoReply: flag('Auto-reply'),
  responseDelay: boundedInteger('Response delay', 0, 60_000, 'ms'),
  maxMessageLength: boundedInteger(
    'Maximum message length',
    1,
    WHATSAPP_MAX_MESSAGE_LENGTH,
    'characters',
  ),
});

export const personalitySchema = z.object({
  tone: choice('Tone', TONES),
  style: choice('Style', STYLES),
  formality: choice('Formality', FORMALITIES),
});

export const studioRulesSchema = z
  .array(text('Rule', STUDIO_RULE_MAX_LENGTH), { error: 'Rules must be a list' })
  .check(
    z.refine(
      (rules) => rules.length <= STUDIO_RULES_MAX_COUNT,
      rule('tooManyRules', `At most ${STUDIO_RULES_MAX_COUNT} rules`, {
        max: STUDIO_RULES_MAX_COUNT,
      }),
    ),
  );

export const openingMessagesSchema = z.object({
  voice: text('Voice opening message', OPENING_MESSAGE_MAX_LENGTH.voice),
  whatsapp: text('WhatsApp opening message', OPENING_MESSAGE_MAX_LENGTH.whatsapp),
  email: text('E-mail opening message', OPENING_MESSAGE_MAX_LENGTH.email),
});

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = 'Time must be HH:MM (24-hour)';
const time = z
  .string({ error: TIME_MESSAGE })
  .check(z.refine((value) => TIME_PATTERN.test(value), rule('invalidTime', TIME_MESSAGE)));
const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = 'Date must be YYYY-MM-DD';
export const MAX_RANGES_PER_DAY = 4;
export const MAX_CLOSING_DAYS = 60;

export const timeRangeSchema = z.object({ open: time, close: time }).check(
  z.refine((range) => range.open !== range.close, {
    ...rule('sameTime', 'Opening and closing time must differ'),
    path: ['close'],
  }),
);
export type TimeRange = z.infer<typeof timeRangeSchema>;

const minutes = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** A range as minutes from the day's midnight; closing at or before opening runs past midnight. */
export const rangeMinutes = ({ open, close }: TimeRange): [number, number] => {
  const start = minutes(open);
  const end = minutes(close);
  return [start, end <= start ? end + 24 * 60 : end];
};

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

/**
 * One day: `open`–`close` as in the specification, plus further ranges of the same day (e.g.
 * a midday break: 06:00–12:00 and 14:00–22:00). A range may close after midnight.
 */
export const dayHoursSchema = z
  .object({
    open: time,
    close: time,
    closed: flag('Closed'),
    additionalRanges: z._default(
      z.array(timeRangeSchema, { error: 'Time ranges must be a list' }).check(
        z.refine(
          (ranges) => ranges.length < MAX_RANGES_PER_DAY,
          rule('tooManyRanges', `At most ${MAX_RANGES_PER_DAY} time ranges per day`, {
            max: MAX_RANGES_PER_DAY,
          }),
        ),
      ),
      [],
    ),
  })
  .check(
    z.superRefine((day, ctx) => {
      if (day.closed) return;
      if (day.open === day.close) {
        ctx.addIssue({
          code: 'custom',
          ...rule('sameTime', 'Opening and closing time must differ'),
          path: ['close'],
        });
        return;
      }
      const ranges = dayRanges(day).map(rangeMinutes);
      ranges.forEach((range, index) => {
        if (ranges.slice(0, index).some((earlier) => overlaps(earlier, range))) {
          ctx.addIssue({
            code: 'custom',
            ...rule('overlap', 'Time ranges of a day must not overlap'),
            path: index === 0 ? ['open'] : ['additionalRanges', index - 1, 'open'],
          });
        }
      });
    }),
  );
export type DayHours = z.input<typeof dayHoursSchema>;

/** Every open range of a day, first the specification's `open`–`close`. */
export const dayRanges = (
  day: Pick<z.output<typeof dayHoursSchema>, 'open' | 'close' | 'closed'> & {
    additionalRanges?: TimeRange[];
  },
): TimeRange[] =>
  day.closed ? [] : [{ open: day.open, close: day.close }, ...(day.additionalRanges ?? [])];

export const businessHoursSchema = z
  .object(
    Object.fromEntries(WEEKDAYS.map((day) => [day, dayHoursSchema])) as Record<
      (typeof WEEKDAYS)[number],
      typeof dayHoursSchema
    >,
  )
  .check(
    z.superRefine((week, ctx) => {
      // A range past midnight must not run into the next day's first hours.
      WEEKDAYS.forEach((day, index) => {
        const next = WEEKDAYS[(index + 1) % WEEKDAYS.length] as (typeof WEEKDAYS)[number];
        const spill = dayRanges(week[day])
          .filter((range) => range.open !== range.close)
          .map(rangeMinutes)
          .filter(([, end]) => end > 24 * 60)
          .map(([, end]) => end - 24 * 60);
        const nextStarts = dayRanges(week[next]).map((range) => rangeMinutes(range)[0]);
        if (spill.some((end) => nextStarts.some((start) => start < end))) {
          ctx.addIssue({
            code: 'custom',
            ...rule('overlapsNextDay', `Overlaps with the hours of ${next}`, { day: next }),
            path: [day, 'close'],
          });
        }
      });
    }),
  );

export const closingDaySchema = z.object({
  date: z.string({ error: DATE_MESSAGE }).check(
    z.refine((value) => DATE_PATTERN.test(value), rule('invalidDate', DATE_MESSAGE)),
    z.refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      rule('noSuchDate', 'No such date'),
    ),
  ),
  label: text('Label', 80),
});
export type ClosingDay = z.infer<typeof closingDaySchema>;

export const closingDaysSchema = z._default(
  z.array(closingDaySchema, { error: 'Closing days must be a list' }).check(
    z.refine(
      (days) => days.length <= MAX_CLOSING_DAYS,
      rule('tooManyClosingDays', `At most ${MAX_CLOSING_DAYS} closing days`, {
        max: MAX_CLOSING_DAYS,
      }),
    ),
    z.refine(
      (days) => new Set(days.map((day) => day.date)).size === days.length,
      rule('duplicateDate', 'Each date only once'),
    ),
  ),
  [],
);

export const featuresSchema = z.object({
  voiceAgent: flag('Voice agent'),
  whatsappAgent: flag('WhatsApp agent'),
  emailAgent: flag('E-mail agent'),
  trainingPlans: flag('Training plans'),
  leadClassification: flag('Lead classification'),
  autoFollowup: flag('Automatic follow-up'),
});

export const tenantConfigSchema = z.object({
  ...generalSettingsSchema.shape,
  voice: voiceSettingsSchema,
  whatsapp: whatsAppSettingsSchema,
  personality: personalitySchema,
  studioRules: studioRulesSchema,
  openingMessages: openingMessagesSchema,
  businessHours: businessHoursSchema,
  closingDays: closingDaysSchema,
  features: featuresSchema,
});

/** The stored, validated document (defaults filled in). */
export type TenantConfig = z.output<typeof tenantConfigSchema>;
/** A document as written, e.g. the specification's default without the later additions. */
export type TenantConfigInput = z.input<typeof tenantConfigSchema>;
export type Weekday = (typeof WEEKDAYS)[number];
