import { expect, test } from '@playwright/test';
import { openView, promptPreview, saveSection } from './editor-support/editor-page.ts';
import { createOwner, logIn } from './editor-support/owner.ts';

const SIE = 'Sprich Kundinnen und Kunden immer mit „Sie“ an';
const DU = 'Sprich Kundinnen und Kunden immer mit „du“ an';

test('the prompt preview follows the unsaved form, and leaving unsaved work asks first', async ({
  page,
  request,
}) => {
  const owner = await createOwner(request);
  await logIn(page, owner);
  const preview = promptPreview(page);

  await test.step('A new rule shows in the preview before it is saved', async () => {
    await openView(page, 'Studioregeln');
    await expect(preview).toContainText('8. Erwähne unsere Öffnungszeiten bei Bedarf');
    await expect(preview).toContainText('Der gespeicherte Stand');
    await page.getByRole('button', { name: 'Regel hinzufügen' }).click();
    await page
      .getByLabel('Regel 9', { exact: true })
      .fill('Getränke nur in verschlossenen Flaschen');
    await expect(preview).toContainText('9. Getränke nur in verschlossenen Flaschen');
    await expect(preview).toContainText('Mit Ihren ungespeicherten Änderungen');
  });

  await test.step('Leaving with unsaved changes asks; declining stays, nothing is lost', async () => {
    page.once('dialog', (dialog) => {
      expect(dialog.type()).toBe('confirm');
      expect(dialog.message()).toContain('ungespeicherte Änderungen');
      void dialog.dismiss();
    });
    await page
      .getByRole('navigation', { name: 'Einstellungen' })
      .getByRole('link', { name: 'KI-Persönlichkeit' })
      .click();
    await expect(page).toHaveURL(/\/settings\/studio-rules$/);
    await expect(page.getByLabel('Regel 9', { exact: true })).toHaveValue(
      'Getränke nur in verschlossenen Flaschen',
    );
    await saveSection(page);
    await expect(preview).toContainText('Der gespeicherte Stand');
  });

  await test.step('Du → Sie changes the form of address in the preview before saving', async () => {
    await openView(page, 'KI-Persönlichkeit');
    await expect(preview).toContainText(DU);
    await expect(preview).toContainText('verwendest die Du-Form');
    await page.getByRole('radio', { name: 'Sie – förmlich' }).check();
    await expect(preview).toContainText(SIE);
    await expect(preview).toContainText('verwendest die Sie-Form');
    await expect(preview).not.toContainText(DU);
    await page.getByRole('radio', { name: 'Du – persönlich' }).check();
    await expect(preview).toContainText(DU);
    await page.getByRole('radio', { name: 'Sie – förmlich' }).check();
  });

  await test.step('The browser back button asks too; declining stays', async () => {
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.goBack();
    await expect(page).toHaveURL(/\/settings\/personality$/);
    await expect(page.getByRole('radio', { name: 'Sie – förmlich' })).toBeChecked();
    await expect(preview).toContainText(SIE);
  });

  await test.step('Agreeing to leave drops the unsaved change', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await openView(page, 'Allgemein');
    await openView(page, 'KI-Persönlichkeit');
    await expect(page.getByRole('radio', { name: 'Du – persönlich' })).toBeChecked();
    await expect(preview).toContainText(DU);
  });

  await test.step('The browser asks before a reload with unsaved changes', async () => {
    await page.getByRole('radio', { name: 'Sie – förmlich' }).check();
    const asked = new Promise<string>((resolve) => {
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      });
    });
    // beforeunload only asks after a real user gesture on the page, which the click above was.
    void page.reload().catch(() => {});
    expect(await asked).toBe('beforeunload');
    await expect(page.getByRole('radio', { name: 'Sie – förmlich' })).toBeChecked();
  });
});
