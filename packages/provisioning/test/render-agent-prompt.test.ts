import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SYSTEM_PROMPT,
  initialSettingsDocument,
  renderAgentPrompt,
  type TenantConfig,
} from '../src/contracts/index.ts';

const studio = (patch: (config: TenantConfig) => TenantConfig = (c) => c) => ({
  studioName: 'FitZone Berlin',
  config: patch(initialSettingsDocument()),
});

const withHoursAndClosingDays = (config: TenantConfig): TenantConfig => ({
  ...config,
  studioRules: [...config.studioRules, 'Handtuchpflicht auf allen Geräten'],
  businessHours: {
    ...config.businessHours,
    monday: {
      open: '06:00',
      close: '12:00',
      closed: false,
      additionalRanges: [{ open: '14:00', close: '22:00' }],
    },
    friday: { open: '18:00', close: '02:00', closed: false, additionalRanges: [] },
    sunday: { ...config.businessHours.sunday, closed: true },
  },
  closingDays: [
    { date: '2026-12-25', label: '1. Weihnachtstag' },
    { date: '2026-12-24', label: 'Heiligabend' },
  ],
});

describe('agent prompt renderer', () => {
  it('renders the Du version (snapshot)', () => {
    expect(renderAgentPrompt(studio(withHoursAndClosingDays))).toMatchSnapshot();
  });

  it('renders the Sie version (snapshot)', () => {
    const formal = (config: TenantConfig) =>
      withHoursAndClosingDays({
        ...config,
        personality: { ...config.personality, formality: 'formal' },
      });
    expect(renderAgentPrompt(studio(formal))).toMatchSnapshot();
  });

  it('starts with the specification prompt and keeps Du or Sie consistent', () => {
    const informal = renderAgentPrompt(studio());
    expect(informal.startsWith(DEFAULT_SYSTEM_PROMPT)).toBe(true);
    expect(informal).toContain('- Name: FitZone Berlin');
    expect(informal).not.toContain('Sie-Form');
    const formal = renderAgentPrompt(
      studio((c) => ({ ...c, personality: { ...c.personality, formality: 'formal' } })),
    );
    expect(formal).toContain('verwendest die Sie-Form');
    expect(formal).not.toContain('Du-Form');
    expect(formal).toContain('Sprich Kundinnen und Kunden immer mit „Sie“ an');
  });

  it('lists ranges, overnight hours, closed days and sorted closing days', () => {
    const prompt = renderAgentPrompt(studio(withHoursAndClosingDays));
    expect(prompt).toContain('- Montag: 06:00–12:00 Uhr, 14:00–22:00 Uhr');
    expect(prompt).toContain('- Freitag: 18:00–02:00 Uhr');
    expect(prompt).toContain('- Sonntag: geschlossen');
    expect(prompt.indexOf('24.12.2026: Heiligabend')).toBeLessThan(
      prompt.indexOf('25.12.2026: 1. Weihnachtstag'),
    );
    expect(prompt).toContain('9. Handtuchpflicht auf allen Geräten');
  });
});
