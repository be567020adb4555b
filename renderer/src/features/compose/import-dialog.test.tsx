import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportedTableView } from '../../../../common/contract/import.ts';
import { makeXlsx } from '../../../../test/fixtures/import/make-xlsx.ts';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import { StoresProvider } from '../../state/stores.tsx';
import { ImportDialog } from './import-dialog.tsx';

const testEnv = setUpAppUnderTest();

beforeAll(() => {
  // jsdom has no modal dialogs; opening one is all the dialog asks of it.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
});

/** The file read by main as the app reads it, and the mapping dialog showing the result. */
const openImport = async (file: File): Promise<ImportedTableView> => {
  const { stores } = testEnv;
  await stores.importer.getState().fileChosen(file);
  const current = stores.importer.getState().current;
  if (current.step !== 'mapping')
    throw new Error(`The import did not reach mapping: ${JSON.stringify(current)}`);
  render(
    <StoresProvider stores={stores}>
      <ImportDialog table={current.table} />
    </StoresProvider>,
  );
  return current.table;
};

const importButton = () => screen.getByRole('button', { name: /^Import/ });

describe('the import mapping dialog', () => {
  it('names two columns with the same header apart and maps neither of them', async () => {
    await openImport(
      new File(
        ['First Name,Email,Amount,Manager,Email\nAna,ana@example.com,25,Bo,bo@example.com\n'],
        'team.csv',
      ),
    );
    const emailC = screen.getByRole('combobox', { name: 'Field for Email (column B)' });
    const emailF = screen.getByRole('combobox', { name: 'Field for Email (column E)' });
    expect(emailC).toHaveProperty('value', '');
    expect(emailF).toHaveProperty('value', '');
    expect(screen.getByText(/“Email” heads columns B and E/)).toBeTruthy();
    fireEvent.change(emailC, { target: { value: 'email' } });
    fireEvent.click(importButton());
    expect(testEnv.stores.draft.getState().rows.map((row) => row.values.email)).toEqual(['ana@example.com']);
  });

  it('refuses to import while a mapped column holds a formula without a value, naming the cell', async () => {
    const workbook = makeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['First Name', 'Email', 'Amount'],
          ['Ana', 'ana@example.com', 25],
          ['Bo', 'bo@example.com', { formula: 'B3*2' }],
          ['Cy', 'cy@example.com', { error: '#N/A' }],
        ],
      },
    ]);
    await openImport(new File([new Uint8Array(workbook)], 'bonus.xlsx'));
    const alert = screen.getByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'C3: the formula has no saved value — open the file in Excel, save it, and import again.',
      'C4 holds the error #N/A — fix the formula in Excel, save, and import again.',
    ]);
    expect(importButton()).toHaveProperty('disabled', true);
    // Kept aside, the column passes nothing on: the rest may be imported.
    fireEvent.change(screen.getByRole('combobox', { name: 'Field for Amount' }), { target: { value: '' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(importButton()).toHaveProperty('disabled', false);
  });
});
