import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { openView, saveSection } from './editor-support/editor-page.ts';
import { createOwner, logIn } from './editor-support/owner.ts';

const newPage = async (browser: Browser, testInfo: TestInfo): Promise<Page> => {
  const { baseURL, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  return context.newPage();
};

test('a save based on an old version is a conflict; re-applying keeps both changes', async ({
  browser,
  request,
}, testInfo) => {
  const owner = await createOwner(request);
  const first = await newPage(browser, testInfo);
  const second = await newPage(browser, testInfo);

  await test.step('Both windows open the voice agent at the same version', async () => {
    for (const page of [first, second]) {
      await logIn(page, owner);
      await openView(page, 'Sprachagent');
      await expect(page.getByLabel('Temperatur')).toHaveValue('0.7');
    }
  });

  await test.step('The first window saves a new temperature', async () => {
    await first.getByLabel('Temperatur').fill('1.1');
    await saveSection(first);
  });

  await test.step('The second window saves another field and gets the conflict', async () => {
    await second.getByLabel('Maximale Gesprächsdauer (Sekunden)').fill('900');
    await second.getByRole('button', { name: 'Speichern', exact: true }).click();
    const conflict = second.getByRole('alert');
    await expect(conflict).toContainText('Diese Einstellungen wurden inzwischen geändert');
    await expect(conflict).toContainText('jetzt Version 2');
    await expect(conflict).toBeFocused();
    // Nothing was overwritten: the first window's value is what is saved.
    await expect(second.getByRole('status')).toHaveText('Nicht gespeichert.');
  });

  await test.step('"Meine Änderungen erneut anwenden" saves on top of the current version', async () => {
    await second.getByRole('button', { name: 'Meine Änderungen erneut anwenden' }).click();
    await expect(second.getByRole('status')).toHaveText('Gespeichert (Version 3).');
    await expect(second.getByRole('alert')).toHaveCount(0);
    await expect(second.getByLabel('Temperatur')).toHaveValue('1.1');
    await expect(second.getByLabel('Maximale Gesprächsdauer (Sekunden)')).toHaveValue('900');
  });

  await test.step('Both changes are persisted', async () => {
    await first.reload();
    await expect(first.getByLabel('Temperatur')).toHaveValue('1.1');
    await expect(first.getByLabel('Maximale Gesprächsdauer (Sekunden)')).toHaveValue('900');
  });

  await test.step('"Neu laden" drops the own change and shows the current values', async () => {
    await first.getByLabel('Auflegen nach Stille (Sekunden)').fill('20');
    await saveSection(first);
    await second.getByLabel('Auflegen nach Stille (Sekunden)').fill('30');
    await second.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(second.getByRole('alert')).toContainText('jetzt Version 4');
    await second.getByRole('button', { name: 'Neu laden' }).click();
    await expect(second.getByRole('status')).toHaveText(
      'Aktuelle Einstellungen geladen (Version 4).',
    );
    await expect(second.getByLabel('Auflegen nach Stille (Sekunden)')).toHaveValue('20');
    await expect(second.getByRole('button', { name: 'Speichern', exact: true })).toBeDisabled();
  });

  await test.step('Where both changed the same field, the re-applied value wins visibly', async () => {
    await first.getByLabel('Auflegen nach Stille (Sekunden)').fill('25');
    await saveSection(first);
    await second.getByLabel('Auflegen nach Stille (Sekunden)').fill('40');
    await second.getByRole('button', { name: 'Speichern', exact: true }).click();
    await second.getByRole('button', { name: 'Meine Änderungen erneut anwenden' }).click();
    await expect(second.getByRole('status')).toHaveText('Gespeichert (Version 6).');
    await expect(second.getByLabel('Auflegen nach Stille (Sekunden)')).toHaveValue('40');
    await first.reload();
    await expect(first.getByLabel('Auflegen nach Stille (Sekunden)')).toHaveValue('40');
  });

  await first.context().close();
  await second.context().close();
});
