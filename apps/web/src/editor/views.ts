import {
  SETTINGS_SECTIONS,
  type SettingsSection,
  type UserRole,
} from '@pilar/provisioning/contracts';

/**
 * Everything the editor's navigation offers: the checklist for going live, the settings
 * sections and four further views.
 */
export type EditorView = 'golive' | SettingsSection | 'channels' | 'history' | 'team' | 'security';

const SLUGS: Record<EditorView, string> = {
  golive: 'go-live',
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
  team: 'team',
  security: 'security',
};

export const EDITOR_VIEWS: readonly EditorView[] = [
  'golive',
  ...SETTINGS_SECTIONS,
  'channels',
  'history',
  'team',
  'security',
];
export const FIRST_VIEW: EditorView = 'general';

export const viewPath = (view: EditorView) => `/settings/${SLUGS[view]}`;

/** The view a path shows, or null for a path that is no view. */
export const viewOfPath = (path: string): EditorView | null =>
  EDITOR_VIEWS.find((view) => viewPath(view) === path.replace(/\/+$/, '')) ?? null;

/** Views only the studio's owner has: an admin's navigation does not offer them. */
const OWNER_VIEWS: readonly EditorView[] = ['team'];

/**
 * The session's role as the editor knows it. Anything but the owner is shown as an admin:
 * less to offer, never more (the server decides either way).
 */
export const roleOf = (role: string): UserRole => (role === 'owner' ? 'owner' : 'admin');

/** The views the navigation offers to someone with `role`. */
export const navViews = (role: UserRole): readonly EditorView[] =>
  role === 'owner' ? EDITOR_VIEWS : EDITOR_VIEWS.filter((view) => !OWNER_VIEWS.includes(view));

export const isSection = (view: EditorView): view is SettingsSection =>
  (SETTINGS_SECTIONS as readonly string[]).includes(view);

/** Only a path inside the editor may be a target after login (no open redirect). */
export const safeNextPath = (next: string | null) =>
  next && /^\/settings(\/[a-z-]*)?$/.test(next) ? next : '/settings';
