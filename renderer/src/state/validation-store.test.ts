import { describe, expect, it } from 'vitest';
import { setUpAppUnderTest } from '../../../test/support/app-under-test.ts';
import { defaultDraftSettings } from './draft-store.ts';

const testEnv = setUpAppUnderTest();

describe("the open draft's problems, against the real catalog", () => {
  it('checks every row again when a setting that decides problems changes, and not for the file imported from', async () => {
    const { draft, catalog, validation } = testEnv.stores;
    await catalog.getState().catalogRequested();
    const product = catalog
      .getState()
      .catalog?.products.find(
        (each) => each.deliveryTypes.includes('DigitalDelivery') && each.denominations.kind === 'fixed',
      );
    if (product?.denominations.kind !== 'fixed') throw new Error('no fixed-value digital product');
    const amount = ((product.denominations.valuesCents[0] ?? 0) / 100).toFixed(2);
    await draft.getState().draftCreated('Rules', defaultDraftSettings);
    draft
      .getState()
      .rowsInserted(0, [
        { first_name: 'Ana', last_name: 'Bell', sms: '+1 212 555 0123', product_id: product.id, amount },
      ]);
    const [row] = draft.getState().rows;
    if (row === undefined) throw new Error('no row');
    // Valid, so it has a recipient: the same object means the row was not checked again.
    const before = validation.getState().recipientOf(row.id);
    expect(before).not.toBeNull();

    const { settings } = draft.getState();
    draft
      .getState()
      .settingsChanged({ ...settings, importedFrom: { fileName: 'staff.csv', sha256: 'a'.repeat(64) } });
    expect(validation.getState().recipientOf(row.id)).toBe(before);

    draft.getState().settingsChanged({ ...draft.getState().settings, emailOnly: true });
    expect(
      validation
        .getState()
        .issuesOf(row.id)
        .map((issue) => issue.field),
    ).toContain('email');
  });
});
