import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../../test/support/app-under-test.ts';
import type { DraftSettings } from '../../../../common/contract/drafts.ts';
import type { RecipientRow } from '../../../../common/recipients/fields.ts';
import { defaultDraftSettings } from '../../state/draft-store.ts';
import { StoresProvider } from '../../state/stores.tsx';
import { giveGridsALayout } from '../../testing/grid-layout.ts';
import { ComposeScreen } from './compose-screen.tsx';

const testEnv = setUpAppUnderTest();

beforeAll(() => {
  giveGridsALayout();
  // Wide enough for every column, so none is left out of the virtualised grid.
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, value: 4000 });
  // The grid scrolls the cell it focuses into view; jsdom has no layout, so nothing to scroll.
  Object.defineProperty(Element.prototype, 'scrollIntoView', {
    configurable: true,
    value: () => undefined,
  });
});

const coffeeByEmail: DraftSettings = {
  ...defaultDraftSettings,
  defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
};

/** A draft with these rows, the catalog loaded, and the compose screen showing them. */
const composeWith = async (rows: readonly RecipientRow[], settings = coffeeByEmail) => {
  const { stores } = testEnv;
  await stores.draft.getState().draftCreated('Holiday bonus', settings);
  stores.draft.getState().rowsInserted(0, rows);
  await stores.catalog.getState().catalogRequested();
  render(
    <StoresProvider stores={stores}>
      <ComposeScreen />
    </StoresProvider>,
  );
};

const grid = () => screen.getByRole('grid', { name: 'Recipients' });
const columnNames = () =>
  within(grid())
    .getAllByRole('columnheader')
    .map((header) => header.textContent);
const cellAt = (rowNumber: number, columnName: string): HTMLElement => {
  const header = within(grid()).getByRole('columnheader', { name: columnName });
  const column = header.getAttribute('aria-colindex') ?? '';
  const cell = grid().querySelector<HTMLElement>(
    `[role="row"][aria-rowindex="${String(rowNumber + 1)}"] [role="gridcell"][aria-colindex="${column}"]`,
  );
  if (cell === null) throw new Error(`No cell in row ${String(rowNumber)} under ${columnName}`);
  return cell;
};
const openEditor = (columnName: string): HTMLInputElement => {
  const editor = within(grid()).getByRole('textbox', { name: columnName });
  if (!(editor instanceof HTMLInputElement)) throw new Error(`The ${columnName} editor is not an input`);
  return editor;
};
const rowValues = () => testEnv.stores.draft.getState().rows.map((row) => row.values);

/** What a browser does with a key press in a text field: the text replaces the selection. */
const typeIntoFocused = (text: string) => {
  const input = document.activeElement;
  if (!(input instanceof HTMLInputElement)) throw new Error('No text field has the focus');
  input.setRangeText(text, input.selectionStart ?? 0, input.selectionEnd ?? 0, 'end');
  fireEvent.input(input);
};

describe('the compose screen', () => {
  it('renders an open draft before the catalog has loaded, and counts its problems', async () => {
    const { stores } = testEnv;
    await stores.draft.getState().draftCreated('Holiday bonus', defaultDraftSettings);
    stores.draft.getState().rowsInserted(0, [{ first_name: 'Ana', email: 'ana@example' }]);
    expect(stores.catalog.getState().catalog).toBeNull();
    render(
      <StoresProvider stores={stores}>
        <ComposeScreen />
      </StoresProvider>,
    );
    expect(screen.getByRole('textbox', { name: 'Batch name' })).toHaveProperty('value', 'Holiday bonus');
    expect(screen.getByTestId('problem-counter').textContent).toMatch(/· 1 row$/);
    await act(() => stores.catalog.getState().catalogRequested());
    expect(screen.getByTestId('problem-counter').textContent).toMatch(/[1-9]\d* errors?/);
  });

  it('replaces a cell with what is typed on it, and opens it with its text selected on Enter', async () => {
    await composeWith([{ first_name: 'Ann', email: 'ann@example.com' }]);
    const cell = cellAt(1, 'First name');
    fireEvent.mouseDown(cell);
    // The key that opens the editor is typed into it: over the old value, as in a spreadsheet.
    fireEvent.keyDown(cell, { key: 'Z' });
    const editor = openEditor('First name');
    expect(document.activeElement).toBe(editor);
    expect([editor.selectionStart, editor.selectionEnd]).toEqual([0, 3]);
    typeIntoFocused('Z');
    typeIntoFocused('oe');
    fireEvent.keyDown(editor, { key: 'Enter' });
    expect(rowValues()).toEqual([{ first_name: 'Zoe', email: 'ann@example.com' }]);

    fireEvent.keyDown(cellAt(1, 'First name'), { key: 'Enter' });
    const reopened = openEditor('First name');
    expect(reopened.value).toBe('Zoe');
    expect([reopened.selectionStart, reopened.selectionEnd]).toEqual([0, 3]);
  });

  it('shows every field that holds a value or a problem, and jumps to each problem from the panel', async () => {
    // As an import of "Full Name, E-mail, Quantity, From Email" leaves them for Email / SMS.
    await composeWith([
      { name: 'Dana Whitfield', email: 'dana@example.com', quantity: '2', from_email: 'hr@example' },
      { name: 'Luis Ortega', email: 'luis@example.com' },
    ]);
    expect(columnNames()).toEqual(
      expect.arrayContaining(['First name', 'Last name', 'Name', 'Quantity', 'From name', 'From email']),
    );
    expect(cellAt(1, 'Name').textContent).toBe('Dana Whitfield');

    const problems = within(screen.getByRole('complementary', { name: 'Problems' }));
    for (const [where, column] of [
      [/Grid row 1 · Quantity/, 'Quantity'],
      [/Grid row 1 · From email/, 'From email'],
    ] as const) {
      const problem = problems.getByRole('button', { name: where });
      fireEvent.click(problem);
      expect(cellAt(1, column).getAttribute('aria-selected')).toBe('true');
      expect(screen.getByTestId('cell-message').textContent).toBe(
        problem.querySelector('.problem__message')?.textContent,
      );
    }

    fireEvent.change(screen.getByRole('searchbox', { name: 'Find' }), { target: { value: 'Whitfield' } });
    expect(within(grid()).getAllByRole('row')).toHaveLength(2);
    expect(cellAt(1, 'Name').textContent).toBe('Dana Whitfield');
  });

  it('offers the domain most rows use for a typo of it, in the problems and on the cell', async () => {
    await composeWith([
      ...Array.from({ length: 6 }, (_, index) => ({
        first_name: `P${String(index)}`,
        email: `p${String(index)}@acmewidgets.com`,
      })),
      { first_name: 'Amy', email: 'amy.martin@acmewidgets.con' },
    ]);
    const suggestion = 'Did you mean amy.martin@acmewidgets.com? 6 rows of this batch use acmewidgets.com.';
    const problem = within(screen.getByRole('complementary', { name: 'Problems' })).getByRole('button', {
      name: /Grid row 7 · Email/,
    });
    expect(problem.querySelector('.problem__message')?.textContent).toBe(suggestion);
    fireEvent.click(problem);
    expect(cellAt(7, 'Email').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('cell-message').textContent).toBe(suggestion);
  });

  it('keeps showing a default product the new delivery type does not offer, until the user changes it', async () => {
    await composeWith([{ first_name: 'Ann', email: 'ann@example.com' }]);
    const { stores } = testEnv;
    act(() => {
      stores.draft.getState().settingsChanged({ ...coffeeByEmail, deliveryType: 'PhysicalShipment' });
    });
    const select = screen.getByRole('combobox', { name: 'Default product' });
    if (!(select instanceof HTMLSelectElement)) throw new Error('Default product is not a select');
    expect(select.value).toBe('NORTHWIND-COFFEE');
    expect(select.selectedOptions[0]?.textContent).toMatch(
      /Northwind.*\(not offered for this delivery type\)$/,
    );
    expect(select.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(select, { target: { value: '' } });
    expect(stores.draft.getState().settings.defaults).toEqual({ amount: '25' });
    expect(select.value).toBe('');
    expect(within(select).queryByText(/not offered/)).toBeNull();
    expect(select.getAttribute('aria-invalid')).toBe('false');
  });

  it('sorts the Amount column by value, counting the amounts rows inherit', async () => {
    await composeWith(
      ['$1,000.00', '9', '25.5', '25.10', '100', undefined].map((amount, index): RecipientRow => ({
        first_name: `Row ${String(index + 1)}`,
        ...(amount === undefined ? {} : { amount }),
      })),
      { ...coffeeByEmail, defaults: { amount: '50' } },
    );
    fireEvent.click(within(grid()).getByRole('columnheader', { name: 'Amount' }));
    expect(rowValues().map((row) => row.amount ?? '(50 inherited)')).toEqual([
      '9',
      '25.10',
      '25.5',
      '(50 inherited)',
      '100',
      '$1,000.00',
    ]);
  });
});
