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
      <ImportDialog table={current.table} source={current.source} />
    </StoresProvider>,
  );
  return current.table;
};

const importButton = () => screen.getByRole('button', { name: /^(Import|Replace with)/ });

/** An HRIS export: legal first and last names, and the name people go by. */
const hrExport = (rows: number) =>
  new File(
    [
      'Employee ID,Legal First Name,Legal Last Name,Preferred Name,Work Email\n' +
        Array.from(
          { length: rows },
          (_, index) =>
            `E${String(index + 1)},Deborah,Ng${String(index + 1)},Deb,deb${String(index + 1)}@acme.example\n`,
        ).join(''),
    ],
    'hris.csv',
  );

/** The rows arrive a turn after Import is pressed, the dialog having closed first. */
const imported = () => expect.poll(() => testEnv.stores.importer.getState().current.step).toBe('idle');

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
    await imported();
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

  it('keeps a Preferred Name column off the card, says what each field does and whom the cards address', async () => {
    await openImport(hrExport(2));
    expect(screen.getByRole('combobox', { name: 'Field for Preferred Name' })).toHaveProperty('value', '');
    expect(screen.getByTestId('mapping-to').textContent).toBe(
      'Cards will say To: “Deborah Ng1”, “Deborah Ng2”',
    );
    // Mapped by hand to Name, the dialog says what that does before anything is imported.
    fireEvent.change(screen.getByRole('combobox', { name: 'Field for Preferred Name' }), {
      target: { value: 'name' },
    });
    expect(screen.getByText(/Replaces First and Last name on the card/)).toBeTruthy();
    expect(screen.getByText(/“Preferred Name” fills Name, which replaces First and Last name/)).toBeTruthy();
    expect(screen.getByTestId('mapping-to').textContent).toBe('Cards will say To: “Deb”, “Deb”');
  });

  it('asks whether a second import replaces the rows already in the draft or adds to them', async () => {
    await openImport(hrExport(3));
    fireEvent.click(importButton());
    await imported();
    expect(testEnv.stores.draft.getState().rows).toHaveLength(3);
    document.body.innerHTML = '';

    await openImport(hrExport(2));
    expect(screen.getByText('The draft already has 3 rows. What should these 2 rows do?')).toBeTruthy();
    expect(importButton()).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('radio', { name: /^Replace the 3 rows/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Replace with 2 rows' }));
    await imported();
    expect(testEnv.stores.draft.getState().rows.map((row) => row.values.last_name)).toEqual(['Ng1', 'Ng2']);
    // One undo step brings the three back.
    testEnv.stores.draft.getState().undoRequested();
    expect(testEnv.stores.draft.getState().rows).toHaveLength(3);
  });
});
