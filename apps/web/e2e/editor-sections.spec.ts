import { expect, test } from '@playwright/test';
import { openView, saveSection } from './editor-support/editor-page.ts';
import { createOwner, logIn } from './editor-support/owner.ts';

test('every section can be changed, saved and is still there after a reload', async ({
  page,
  request,
}) => {
  const owner = await createOwner(request);
  await logIn(page, owner);

  await test.step('General: language, time zone (searchable list), currency', async () => {
    await page.getByLabel('Sprache des Studios').selectOption('en');
    await page.getByLabel('Zeitzone').fill('Europe/Vienna');
    await page.getByLabel('Währung').selectOption('CHF');
    await saveSection(page);
  });

  await test.step('Voice agent: an invalid value is explained inline and blocks saving', async () => {
    await openView(page, 'Sprachagent');
    const temperature = page.getByLabel('Temperatur');
    await temperature.fill('3');
    const error = page.locator('#f-temperature-error');
    await expect(error).toHaveText('Der Wert darf höchstens 2 sein.');
    await expect(temperature).toHaveAttribute('aria-invalid', 'true');
    await expect(temperature).toHaveAttribute('aria-describedby', /f-temperature-error/);
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Nicht gespeichert: Bitte korrigieren Sie die markierten Angaben.',
    );
    await expect(temperature).toBeFocused();
  });

  await test.step('Voice agent: model, voice, temperature, durations, interruptible', async () => {
    await page.getByLabel('Sprachmodell (TTS)').selectOption('tts-1-hd');
    await page.getByLabel('Stimme').selectOption('nova');
    await page.getByLabel('Temperatur').fill('1.2');
    await expect(page.locator('#f-temperature-error')).toBeEmpty();
    await page.getByLabel('Maximale Gesprächsdauer (Sekunden)').fill('600');
    await page.getByLabel('Auflegen nach Stille (Sekunden)').fill('15');
    await page.getByLabel('Anrufende dürfen den Agenten unterbrechen').uncheck();
    await saveSection(page);
  });

  await test.step('WhatsApp: auto reply, delay, message length', async () => {
    await openView(page, 'WhatsApp');
    await page.getByLabel('Automatisch antworten').uncheck();
    await page.getByLabel('Antwortverzögerung (Millisekunden)').fill('1500');
    await page.getByLabel('Maximale Nachrichtenlänge (Zeichen)').fill('2000');
    await saveSection(page);
  });

  await test.step('AI personality: tone, style, Sie', async () => {
    await openView(page, 'KI-Persönlichkeit');
    await page.getByRole('radio', { name: 'Ruhig' }).check();
    await page.getByRole('radio', { name: 'Locker' }).check();
    await page.getByRole('radio', { name: 'Sie – förmlich' }).check();
    await saveSection(page);
  });

  await test.step('Studio rules: edit, delete, reorder by keyboard, add', async () => {
    await openView(page, 'Studioregeln');
    await expect(page.getByText('8 von höchstens 30 Regeln.')).toBeVisible();
    await page.getByLabel('Regel 1', { exact: true }).fill('Sei immer freundlich und geduldig');
    await expect(page.locator('#f-rule-0-after')).toHaveText('33 / 300 Zeichen');
    await page.getByRole('button', { name: 'Regel 2 löschen' }).click();
    // Regel 3 is now "Sei motivierend und positiv"; move it up with the keyboard only.
    await page.getByRole('button', { name: 'Regel 3 nach oben verschieben' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Regel 2 nach oben verschieben' })).toBeFocused();
    await page.getByRole('button', { name: 'Regel hinzufügen' }).click();
    await expect(page.getByLabel('Regel 8', { exact: true })).toBeFocused();
    await page.keyboard.type('Handtuch auf allen Geräten');
    await saveSection(page);
  });

  await test.step('Business hours: Sunday closed', async () => {
    await openView(page, 'Öffnungszeiten');
    await page.getByLabel('Sonntag geschlossen').check();
    await saveSection(page);
  });

  await test.step('Opening messages: the phone greeting, with its counter', async () => {
    await openView(page, 'Begrüßungsnachrichten');
    const greeting = 'Willkommen bei FitZone! Wie kann ich Ihnen helfen?';
    await page.getByLabel('Begrüßung am Telefon').fill(greeting);
    await expect(page.locator('#f-voice-count')).toHaveText(`${greeting.length} / 500 Zeichen`);
    await saveSection(page);
  });

  await test.step('Features: training plans off', async () => {
    await openView(page, 'Funktionen');
    await page.getByLabel('Trainingspläne').uncheck();
    await saveSection(page);
  });

  await test.step('After a reload every section shows what was saved', async () => {
    await page.reload();
    await openView(page, 'Allgemein');
    await expect(page.getByLabel('Sprache des Studios')).toHaveValue('en');
    await expect(page.getByLabel('Zeitzone')).toHaveValue('Europe/Vienna');
    await expect(page.getByLabel('Währung')).toHaveValue('CHF');

    await openView(page, 'Sprachagent');
    await expect(page.getByLabel('Sprachmodell (TTS)')).toHaveValue('tts-1-hd');
    await expect(page.getByLabel('Stimme')).toHaveValue('nova');
    await expect(page.getByLabel('Temperatur')).toHaveValue('1.2');
    await expect(page.getByLabel('Maximale Gesprächsdauer (Sekunden)')).toHaveValue('600');
    await expect(page.getByLabel('Auflegen nach Stille (Sekunden)')).toHaveValue('15');
    await expect(page.getByLabel('Anrufende dürfen den Agenten unterbrechen')).not.toBeChecked();

    await openView(page, 'WhatsApp');
    await expect(page.getByLabel('Automatisch antworten')).not.toBeChecked();
    await expect(page.getByLabel('Antwortverzögerung (Millisekunden)')).toHaveValue('1500');
    await expect(page.getByLabel('Maximale Nachrichtenlänge (Zeichen)')).toHaveValue('2000');

    await openView(page, 'KI-Persönlichkeit');
    await expect(page.getByRole('radio', { name: 'Ruhig' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Locker' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Sie – förmlich' })).toBeChecked();

    await openView(page, 'Studioregeln');
    const expected = [
      'Sei immer freundlich und geduldig',
      'Sei motivierend und positiv',
      'Verwende die Du-Form',
      'Gib konkrete Informationen',
      'Frage nach, wenn etwas unklar ist',
      'Biete Probetraining an',
      'Erwähne unsere Öffnungszeiten bei Bedarf',
      'Handtuch auf allen Geräten',
    ];
    for (const [index, rule] of expected.entries()) {
      await expect(page.getByLabel(`Regel ${index + 1}`, { exact: true })).toHaveValue(rule);
    }
    await expect(page.getByLabel('Regel 9', { exact: true })).toHaveCount(0);

    await openView(page, 'Öffnungszeiten');
    await expect(page.getByLabel('Sonntag geschlossen')).toBeChecked();
    await expect(page.getByLabel('Samstag geschlossen')).not.toBeChecked();

    await openView(page, 'Begrüßungsnachrichten');
    await expect(page.getByLabel('Begrüßung am Telefon')).toHaveValue(
      'Willkommen bei FitZone! Wie kann ich Ihnen helfen?',
    );

    await openView(page, 'Funktionen');
    await expect(page.getByLabel('Trainingspläne')).not.toBeChecked();
    await expect(page.getByLabel('WhatsApp-Agent')).toBeChecked();
  });

  await test.step('History lists every save with section and author', async () => {
    await openView(page, 'Verlauf');
    const rows = page.getByRole('table').getByRole('row');
    // Header, eight saves and the initial version.
    await expect(rows).toHaveCount(10);
    await expect(rows.nth(1)).toContainText('Funktionen');
    await expect(rows.nth(1)).toContainText(owner.email);
    await expect(rows.nth(1)).toContainText('aktuell');
    await expect(rows.last()).toContainText('Ersteinrichtung');
  });

  await test.step('Restoring the initial version brings the defaults back as a new version', async () => {
    await page.getByRole('button', { name: 'Version 1 wiederherstellen' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Version 1 wiederhergestellt; das ist jetzt Version 10.',
    );
    await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText(
      'Wiederherstellung von Version 1',
    );
    await openView(page, 'Sprachagent');
    await expect(page.getByLabel('Stimme')).toHaveValue('alloy');
  });
});
