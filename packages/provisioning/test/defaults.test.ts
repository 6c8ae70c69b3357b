import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AGENT_PROMPT,
  DEFAULT_TENANT_CONFIG,
  defaultTenantConfig,
} from '../src/contracts/index.ts';

describe('default tenant configuration (verbatim from the specification)', () => {
  it('has the general, voice, WhatsApp and personality defaults', () => {
    expect(DEFAULT_TENANT_CONFIG).toMatchObject({
      language: 'de',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      voice: {
        model: 'tts-1',
        voice: 'alloy',
        temperature: 0.7,
        maxDuration: 300,
        silenceTimeout: 10,
        interruptible: true,
      },
      whatsapp: { autoReply: true, responseDelay: 2000, maxMessageLength: 4096 },
      personality: { tone: 'friendly', style: 'professional', formality: 'informal' },
    });
  });

  it('has the eight studio rules with correct umlauts', () => {
    expect(DEFAULT_TENANT_CONFIG.studioRules).toHaveLength(8);
    expect(DEFAULT_TENANT_CONFIG.studioRules.at(-1)).toBe(
      'Erwähne unsere Öffnungszeiten bei Bedarf',
    );
  });

  it('has the three opening messages, emoji included', () => {
    expect(DEFAULT_TENANT_CONFIG.openingMessages).toEqual({
      voice: 'Willkommen bei PILAR SYSTEMS. Wie kann ich Ihnen heute helfen?',
      whatsapp: 'Hey! 👋 Willkommen bei unserem Fitnessstudio. Wie kann ich dir helfen?',
      email: 'Vielen Dank für deine Nachricht! Wir melden uns so schnell wie möglich bei dir.',
    });
  });

  it('has business hours for all seven days', () => {
    const hours = DEFAULT_TENANT_CONFIG.businessHours;
    for (const day of ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const) {
      expect(hours[day]).toEqual({ open: '06:00', close: '22:00', closed: false });
    }
    expect(hours.saturday).toEqual({ open: '08:00', close: '20:00', closed: false });
    expect(hours.sunday).toEqual({ open: '09:00', close: '18:00', closed: false });
  });

  it('enables all six features', () => {
    expect(Object.values(DEFAULT_TENANT_CONFIG.features)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(Object.keys(DEFAULT_TENANT_CONFIG.features)).toHaveLength(6);
  });

  it('hands out copies that cannot change the shared default', () => {
    const copy = defaultTenantConfig();
    copy.studioRules.push('Neue Regel');
    expect(DEFAULT_TENANT_CONFIG.studioRules).toHaveLength(8);
  });
});

describe('default agent prompt profile', () => {
  it('has the specification system prompt', () => {
    const prompt = DEFAULT_AGENT_PROMPT.systemPrompt;
    expect(
      prompt.startsWith(
        'Du bist ein freundlicher und kompetenter KI-Assistent für ein Fitnessstudio.',
      ),
    ).toBe(true);
    expect(prompt).toContain('1. Beantworte Fragen zu Öffnungszeiten, Preisen, Kursen');
    expect(prompt).toContain('- Kurz und prägnant');
    expect(prompt.endsWith('- Bei technischen Problemen an Support verweisen')).toBe(true);
  });

  it('has the five example conversations with the membership prices', () => {
    expect(DEFAULT_AGENT_PROMPT.exampleConversations.map((example) => example.user)).toEqual([
      'Hallo, ich interessiere mich für eine Mitgliedschaft',
      'Was kostet eine Mitgliedschaft?',
      'Wann habt ihr geöffnet?',
      'Ich möchte abnehmen',
      'Kann ich erstmal Probetraining machen?',
    ]);
    const prices = DEFAULT_AGENT_PROMPT.exampleConversations[1]?.assistant;
    expect(prices).toContain('Basic für 29€');
    expect(prices).toContain('Premium für 49€');
    expect(prices).toContain('All-Inclusive für 69€');
  });
});
