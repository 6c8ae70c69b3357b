import { expect, test } from '@playwright/test';
import { openView, promptPreview, saveSection } from './editor-support/editor-page.ts';
import { createOwner, logIn } from './editor-support/owner.ts';

test('business hours with breaks, past midnight and holidays round-trip', async ({
  page,
  request,
}) => {
  const owner = await createOwner(request);
  await logIn(page, owner);
  await openView(page, 'Öffnungszeiten');
  const preview = promptPreview(page);
  const year = new Date().getFullYear() + 1;

  await test.step('Monday gets two ranges; an overlap is explained inline', async () => {
    await page.getByLabel('Montag, Zeitraum 1, bis').fill('12:00');
    await page.getByRole('button', { name: 'Montag: Zeitraum hinzufügen' }).click();
    const secondFrom = page.getByLabel('Montag, Zeitraum 2, von');
    await expect(secondFrom).toBeFocused();
    await secondFrom.fill('11:00');
    await page.getByLabel('Montag, Zeitraum 2, bis').fill('22:00');
    await expect(secondFrom).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-hours-monday-additionalRanges-0-open-error')).toHaveText(
      'Die Zeiträume dieses Tages überschneiden sich.',
    );
    // Typed the short way, completed to HH:MM when leaving the field.
    await secondFrom.fill('14');
    await secondFrom.blur();
    await expect(secondFrom).toHaveValue('14:00');
    await expect(secondFrom).not.toHaveAttribute('aria-invalid', 'true');
    await expect(preview).toContainText('- Montag: 06:00–12:00 Uhr, 14:00–22:00 Uhr');
  });

  await test.step('Friday runs past midnight', async () => {
    await page.getByLabel('Freitag, Zeitraum 1, von').fill('18:00');
    await page.getByLabel('Freitag, Zeitraum 1, bis').fill('02:00');
    await expect(
      page.getByRole('group', { name: 'Freitag' }).getByText('bis zum Folgetag'),
    ).toBeVisible();
    await expect(preview).toContainText('- Freitag: 18:00–02:00 Uhr');
  });

  await test.step('The same start and end on a day is refused inline', async () => {
    const tuesdayTo = page.getByLabel('Dienstag, Zeitraum 1, bis');
    await tuesdayTo.fill('06:00');
    await expect(page.locator('#f-hours-tuesday-open-error')).toHaveText(
      'Beginn und Ende müssen sich unterscheiden.',
    );
    await tuesdayTo.fill('21:00');
    await expect(page.locator('#f-hours-tuesday-open-error')).toBeEmpty();
  });

  await test.step('A public holiday from the suggestions shows in the preview', async () => {
    await page.getByLabel('Bundesland', { exact: true }).selectOption('BY');
    await page.getByLabel('Jahr', { exact: true }).selectOption(String(year));
    const add = page.getByRole('button', {
      name: `Tag der Deutschen Einheit (03.10.${year}) hinzufügen`,
    });
    await add.click();
    await expect(preview).toContainText('BESONDERE SCHLIESSTAGE:');
    await expect(preview).toContainText(`- 03.10.${year}: Tag der Deutschen Einheit (geschlossen)`);
    await expect(
      page.getByRole('button', {
        name: `Tag der Deutschen Einheit (03.10.${year}) ist bereits eingetragen`,
      }),
    ).toBeDisabled();
    await expect(page.getByLabel('Schließtag 1: Bezeichnung')).toHaveValue(
      'Tag der Deutschen Einheit',
    );
  });

  await test.step('A closing day can also be typed in', async () => {
    await page.getByRole('button', { name: 'Schließtag hinzufügen' }).click();
    await expect(page.getByLabel('Schließtag 2: Datum')).toBeFocused();
    await page.getByLabel('Schließtag 2: Datum').fill(`${year}-12-24`);
    await page.getByLabel('Schließtag 2: Bezeichnung').fill('Heiligabend');
    await expect(preview).toContainText(`- 24.12.${year}: Heiligabend (geschlossen)`);
    await saveSection(page);
  });

  await test.step('After a reload everything is still there', async () => {
    await page.reload();
    await expect(page.getByLabel('Montag, Zeitraum 1, von')).toHaveValue('06:00');
    await expect(page.getByLabel('Montag, Zeitraum 1, bis')).toHaveValue('12:00');
    await expect(page.getByLabel('Montag, Zeitraum 2, von')).toHaveValue('14:00');
    await expect(page.getByLabel('Montag, Zeitraum 2, bis')).toHaveValue('22:00');
    await expect(page.getByLabel('Freitag, Zeitraum 1, von')).toHaveValue('18:00');
    await expect(page.getByLabel('Freitag, Zeitraum 1, bis')).toHaveValue('02:00');
    await expect(page.getByLabel('Dienstag, Zeitraum 1, bis')).toHaveValue('21:00');
    await expect(page.getByLabel('Schließtag 1: Datum')).toHaveValue(`${year}-10-03`);
    await expect(page.getByLabel('Schließtag 2: Bezeichnung')).toHaveValue('Heiligabend');
    await expect(preview).toContainText('Der gespeicherte Stand');
    await expect(preview).toContainText('- Montag: 06:00–12:00 Uhr, 14:00–22:00 Uhr');
    await expect(preview).toContainText('- Freitag: 18:00–02:00 Uhr');
    await expect(preview).toContainText(
      `- 03.10.${year}: Tag der Deutschen Einheit (geschlossen)\n- 24.12.${year}: Heiligabend (geschlossen)`,
    );
  });

  await test.step('A second range can be removed again', async () => {
    await page.getByRole('button', { name: 'Montag, Zeitraum 2 entfernen' }).click();
    await expect(page.getByLabel('Montag, Zeitraum 2, von')).toHaveCount(0);
    await expect(preview).toContainText('- Montag: 06:00–12:00 Uhr\n');
  });
});
