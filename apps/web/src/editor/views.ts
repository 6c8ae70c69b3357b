import { SETTINGS_SECTIONS, type SettingsSection } from '@pilar/provisioning/contracts';

/** Everything the editor's navigation offers: the settings sections and three further views. */
export type EditorView = SettingsSection | 'channels' | 'history' | 'security';

const SLUGS: Record<EditorView, string> = {
  general: 'general',
  voice: 'voice',
  whatsapp: 'whatsapp',
  personality: 'personality',
  studioRules: 'studio-rules',
  businessHours: 'business-hours',
  openingMessages: 'opening-messages',
  features: 'features',
  channels: 'channels',
  history: 'history',
  security: 'security',
};

export const EDITOR_VIEWS: readonly EditorView[] = [
  ...SETTINGS_SECTIONS,
  'channels',
  'history',
  'security',
];
export const FIRST_VIEW: EditorView = 'general';

export const viewPath = (view: EditorView) => `/settings/${SLUGS[view]}`;

/** The view a path shows, or null for a path that is no view. */
export const viewOfPath = (path: string): EditorView | null =>
  EDITOR_VIEWS.find((view) => viewPath(view) === path.replace(/\/+$/, '')) ?? null;

export const isSection = (view: EditorView): view is SettingsSection =>
  (SETTINGS_SECTIONS as readonly string[]).includes(view);

/** Only a path inside the editor may be a target after login (no open redirect). */
export const safeNextPath = (next: string | null) =>
  next && /^\/settings(\/[a-z-]*)?$/.test(next) ? next : '/settings';
