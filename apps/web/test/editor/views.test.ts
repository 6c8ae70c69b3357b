import { SETTINGS_SECTIONS } from '@pilar/provisioning/contracts';
import { describe, expect, it } from 'vitest';
import {
  EDITOR_VIEWS,
  FIRST_VIEW,
  isSection,
  navViews,
  roleOf,
  safeNextPath,
  viewOfPath,
  viewPath,
} from '../../src/editor/views.ts';

describe('viewPath and viewOfPath', () => {
  it('gives each view its own path, and reads the view back from it', () => {
    const paths = EDITOR_VIEWS.map(viewPath);
    expect(new Set(paths).size).toBe(EDITOR_VIEWS.length);
    for (const view of EDITOR_VIEWS) expect(viewOfPath(viewPath(view))).toBe(view);
  });

  it('writes multi-word sections in kebab case', () => {
    expect(viewPath('studioRules')).toBe('/settings/studio-rules');
    expect(viewPath('businessHours')).toBe('/settings/business-hours');
    expect(viewOfPath('/settings/opening-messages')).toBe('openingMessages');
  });

  it('offers one’s own account as the last view, after the channels, the history and the team', () => {
    expect(viewPath('security')).toBe('/settings/security');
    expect(viewOfPath('/settings/security')).toBe('security');
    expect(viewPath('team')).toBe('/settings/team');
    expect(viewOfPath('/settings/team')).toBe('team');
    expect(EDITOR_VIEWS.slice(-4)).toEqual(['channels', 'history', 'team', 'security']);
  });

  it('starts with the go-live checklist, at /settings/go-live', () => {
    expect(EDITOR_VIEWS[0]).toBe('golive');
    expect(viewPath('golive')).toBe('/settings/go-live');
    expect(viewOfPath('/settings/go-live')).toBe('golive');
    expect(safeNextPath('/settings/go-live')).toBe('/settings/go-live');
  });

  it('accepts a trailing slash', () => {
    expect(viewOfPath('/settings/voice/')).toBe('voice');
    expect(viewOfPath('/settings/history//')).toBe('history');
  });

  it('finds no view for other paths', () => {
    expect(viewOfPath('/settings')).toBeNull();
    expect(viewOfPath('/settings/')).toBeNull();
    expect(viewOfPath('/settings/studioRules')).toBeNull();
    expect(viewOfPath('/settings/voice/extra')).toBeNull();
    expect(viewOfPath('/signup/voice')).toBeNull();
  });

  it('starts with a view that exists', () => {
    expect(EDITOR_VIEWS).toContain(FIRST_VIEW);
  });
});

describe('isSection', () => {
  it('is true for the settings sections and false for the other views', () => {
    expect(EDITOR_VIEWS.filter(isSection)).toEqual(SETTINGS_SECTIONS);
    expect(isSection('golive')).toBe(false);
    expect(isSection('channels')).toBe(false);
    expect(isSection('history')).toBe(false);
    expect(isSection('security')).toBe(false);
    expect(isSection('team')).toBe(false);
  });
});

describe('navViews', () => {
  it('offers the owner every view', () => {
    expect(navViews('owner')).toEqual(EDITOR_VIEWS);
  });

  it('offers an admin everything but the team', () => {
    expect(navViews('admin')).toEqual(EDITOR_VIEWS.filter((view) => view !== 'team'));
    expect(navViews('admin')).toContain('security');
    expect(navViews('admin')).toContain('history');
    expect(navViews('admin')).toContain('golive');
  });
});

describe('roleOf', () => {
  it('knows the owner, and takes any other role for an admin', () => {
    expect(roleOf('owner')).toBe('owner');
    expect(roleOf('admin')).toBe('admin');
    expect(roleOf('viewer')).toBe('admin');
  });
});

describe('safeNextPath', () => {
  it('keeps a target inside the editor', () => {
    expect(safeNextPath('/settings')).toBe('/settings');
    expect(safeNextPath('/settings/business-hours')).toBe('/settings/business-hours');
    expect(safeNextPath('/settings/security')).toBe('/settings/security');
    expect(safeNextPath('/settings/team')).toBe('/settings/team');
  });

  it.each([
    'https://evil.example/settings',
    '//evil.example',
    '/\\evil.example',
    '/settings/../signup',
    '/settings//evil.example',
    '/settings/voice/extra',
    '/settings/voice?next=//evil.example',
    '/settingsevil',
    '/signup/studio',
    'javascript:alert(1)',
  ])('replaces %s by the editor', (next) => {
    expect(safeNextPath(next)).toBe('/settings');
  });

  it('falls back to the editor without a target', () => {
    expect(safeNextPath(null)).toBe('/settings');
    expect(safeNextPath('')).toBe('/settings');
  });
});
