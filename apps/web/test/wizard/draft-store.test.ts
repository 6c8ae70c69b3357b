import { describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../support/memory-storage.ts';

const TAKEN = { problem: 'DOMAIN_TAKEN', params: {} } as const;
const IN_USE = { problem: 'EMAIL_TAKEN', params: {} } as const;
const TOO_LONG = { problem: 'tooLong', params: { max: 100 } } as const;

const STORAGE_KEY = 'pilar.signup-draft';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The store as a fresh page load finds it: it reads the stored draft once, on import. */
const loadStore = async (window: object) => {
  vi.stubGlobal('window', window);
  vi.resetModules();
  return import('../../src/wizard/draft-store.ts');
};

const storageWith = (stored: string | null) => {
  const storage = new MemoryStorage();
  if (stored !== null) storage.setItem(STORAGE_KEY, stored);
  return storage;
};

const storedDraft = (storage: Storage): unknown =>
  JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');

const emptyValues = {
  studioName: '',
  domain: '',
  ownerEmail: '',
  password: '',
  passwordConfirmation: '',
};
const emptyDraft = { ...emptyValues, idempotencyKey: expect.stringMatching(UUID) };

describe('loading the draft', () => {
  it('starts empty, with a new idempotency key, when nothing is stored', async () => {
    const storage = storageWith(null);
    const { draftSnapshot } = await loadStore({ sessionStorage: storage });
    const { draft, serverErrors } = draftSnapshot();
    expect(draft).toEqual(emptyDraft);
    expect(serverErrors).toEqual({});
    expect(storage.length).toBe(0);
  });

  it('resumes the stored values and the attempt’s idempotency key', async () => {
    const stored = {
      studioName: 'FitZone Berlin',
      domain: 'fitzone-berlin.de',
      ownerEmail: 'owner@fitzone.de',
      idempotencyKey: 'key-of-this-attempt',
    };
    const { draftSnapshot } = await loadStore({
      sessionStorage: storageWith(JSON.stringify(stored)),
    });
    expect(draftSnapshot().draft).toEqual({ ...emptyValues, ...stored });
  });

  it('ignores passwords in storage, which only an older or tampered entry could hold', async () => {
    const { draftSnapshot } = await loadStore({
      sessionStorage: storageWith(JSON.stringify({ password: 'x', passwordConfirmation: 'x' })),
    });
    expect(draftSnapshot().draft).toMatchObject({ password: '', passwordConfirmation: '' });
  });

  it('starts empty when the stored entry is not valid JSON', async () => {
    const { draftSnapshot } = await loadStore({ sessionStorage: storageWith('{"studioName":') });
    expect(draftSnapshot().draft).toEqual(emptyDraft);
  });

  it.each(['null', '42', '"FitZone"', 'true'])(
    'starts empty when the entry is %s',
    async (stored) => {
      const { draftSnapshot } = await loadStore({ sessionStorage: storageWith(stored) });
      expect(draftSnapshot().draft).toEqual(emptyDraft);
    },
  );

  it('drops values of the wrong type and replaces an empty idempotency key', async () => {
    const stored = { studioName: 42, domain: null, ownerEmail: ['a@b.de'], idempotencyKey: '' };
    const { draftSnapshot } = await loadStore({
      sessionStorage: storageWith(JSON.stringify(stored)),
    });
    expect(draftSnapshot().draft).toEqual(emptyDraft);
  });

  it('starts empty when the browser refuses access to storage', async () => {
    const blocked = {
      get sessionStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    const { draftSnapshot } = await loadStore(blocked);
    expect(draftSnapshot().draft).toEqual(emptyDraft);
  });
});

describe('changing the draft', () => {
  it('stores every change except the passwords, so a reload asks for them again', async () => {
    const storage = storageWith(null);
    const store = await loadStore({ sessionStorage: storage });
    store.updateDraft({
      studioName: 'FitZone',
      password: 'Secret-123456',
      passwordConfirmation: 'Secret-123456',
    });
    store.updateDraft({ ownerEmail: 'owner@fitzone.de' });
    const { idempotencyKey } = store.draftSnapshot().draft;
    expect(storedDraft(storage)).toEqual({
      studioName: 'FitZone',
      domain: '',
      ownerEmail: 'owner@fitzone.de',
      idempotencyKey,
    });

    const reloaded = await loadStore({ sessionStorage: storage });
    expect(reloaded.draftSnapshot().draft).toEqual({
      ...emptyValues,
      studioName: 'FitZone',
      ownerEmail: 'owner@fitzone.de',
      idempotencyKey,
    });
  });

  it('clears the server’s error only for the fields that changed', async () => {
    const store = await loadStore({ sessionStorage: storageWith(null) });
    store.setServerErrors({ domain: TAKEN, ownerEmail: IN_USE });
    store.updateDraft({ domain: 'fitzone-2.de' });
    expect(store.draftSnapshot().serverErrors).toEqual({ ownerEmail: IN_USE });
    expect(store.draftSnapshot().draft.domain).toBe('fitzone-2.de');
  });

  it('replaces the server’s errors without touching the values', async () => {
    const store = await loadStore({ sessionStorage: storageWith(null) });
    store.updateDraft({ studioName: 'FitZone' });
    store.setServerErrors({ domain: TAKEN });
    store.setServerErrors({ ownerEmail: IN_USE });
    expect(store.draftSnapshot().serverErrors).toEqual({ ownerEmail: IN_USE });
    expect(store.draftSnapshot().draft.studioName).toBe('FitZone');
  });

  it('renews the idempotency key for a new attempt and keeps the values', async () => {
    const storage = storageWith(null);
    const store = await loadStore({ sessionStorage: storage });
    store.updateDraft({ studioName: 'FitZone', password: 'Secret-123456' });
    const before = store.draftSnapshot().draft;
    store.renewIdempotencyKey();
    const after = store.draftSnapshot().draft;
    expect(after.idempotencyKey).toMatch(UUID);
    expect(after.idempotencyKey).not.toBe(before.idempotencyKey);
    expect({ ...after, idempotencyKey: '' }).toEqual({ ...before, idempotencyKey: '' });
    expect(storedDraft(storage)).toMatchObject({ idempotencyKey: after.idempotencyKey });
  });

  it('resets to an empty draft with a new key and no errors', async () => {
    const storage = storageWith(null);
    const store = await loadStore({ sessionStorage: storage });
    store.updateDraft({ studioName: 'FitZone', password: 'Secret-123456' });
    store.setServerErrors({ studioName: TOO_LONG });
    const oldKey = store.draftSnapshot().draft.idempotencyKey;
    store.resetDraft();
    const { draft, serverErrors } = store.draftSnapshot();
    expect(draft).toEqual(emptyDraft);
    expect(draft.idempotencyKey).not.toBe(oldKey);
    expect(serverErrors).toEqual({});
    expect(storedDraft(storage)).toEqual({
      studioName: '',
      domain: '',
      ownerEmail: '',
      idempotencyKey: draft.idempotencyKey,
    });
  });
});

describe('subscribing', () => {
  it('tells subscribers about every change until they unsubscribe', async () => {
    const store = await loadStore({ sessionStorage: storageWith(null) });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.updateDraft({ studioName: 'F' });
    store.setServerErrors({});
    store.renewIdempotencyKey();
    store.resetDraft();
    expect(listener).toHaveBeenCalledTimes(4);
    unsubscribe();
    store.updateDraft({ studioName: 'Fi' });
    expect(listener).toHaveBeenCalledTimes(4);
  });

  // useSyncExternalStore renders again whenever the snapshot is a different object.
  it('keeps the same snapshot until something changes', async () => {
    const store = await loadStore({ sessionStorage: storageWith(null) });
    const first = store.draftSnapshot();
    expect(store.draftSnapshot()).toBe(first);
    store.updateDraft({ studioName: 'F' });
    expect(store.draftSnapshot()).not.toBe(first);
  });
});

describe('storage that refuses writes', () => {
  it('keeps the draft in memory and tells subscribers, when storage is blocked or full', async () => {
    const storage = storageWith(null);
    storage.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const store = await loadStore({ sessionStorage: storage });
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.draftSnapshot().draft.studioName));
    store.updateDraft({ studioName: 'FitZone' });
    store.setServerErrors({ domain: TAKEN });
    expect(seen).toEqual(['FitZone', 'FitZone']);
    expect(store.draftSnapshot().serverErrors).toEqual({ domain: TAKEN });
  });
});
