import type { Page } from 'playwright-core';
import { performance } from 'node:perf_hooks';
import type { DraftSettings } from '../../common/contract/drafts.ts';
import { createDraftsRepository } from '../../main/drafts/drafts-repository.ts';
import { openLedger } from '../../main/ledger/open-ledger.ts';
import { withAppInChromium } from './app-in-chromium.ts';
import { figure, type Figure } from './figure.ts';

const rowCount = 100_000;
const framesToMeasure = 240;
/** One frame at 60 Hz: scrolling is smooth when 95 % of frames come within it. */
const frameBudgetMs = 16.7;
/**
 * Chromium coarsens animation-frame timestamps to 0.1 ms, so frames paced exactly at 60 Hz read as
 * 16.6, 16.7 or 16.8 ms; a dropped frame reads as 33.3 ms, far outside this.
 */
const timestampResolutionMs = 0.1;

/** An edit's feedback within three frames is felt as part of the keystroke (issue #15). */
const editBudgetMs = 50;
/** Dropped frames while scrolling, as a share of the frames measured. */
const droppedFramesBudgetPct = 1;

/** Types an invalid email into the first row and times until the counter reports it. */
const timeOneEdit = async (page: Page): Promise<number> => {
  const grid = page.getByRole('grid', { name: 'Recipients' });
  await grid.evaluate((element) => {
    element.scrollTop = 0;
    element.scrollLeft = 0;
  });
  const emailColumn = await grid
    .getByRole('columnheader', { name: 'Email', exact: true })
    .getAttribute('aria-colindex');
  await grid
    .locator(`[role="row"][aria-rowindex="2"] [role="gridcell"][aria-colindex="${String(emailColumn)}"]`)
    .dblclick();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('not-an-email');
  const started = performance.now();
  await page.keyboard.press('Enter');
  await page
    .getByTestId('problem-counter')
    .filter({ hasText: /^1 error/ })
    .waitFor();
  return performance.now() - started;
};

const settings: DraftSettings = {
  deliveryType: 'DigitalDelivery',
  defaults: { product_id: 'NORTHWIND-COFFEE', amount: '25' },
  defaultCountry: 'US',
};

/** A draft of 100,000 rows written straight into the ledger, as autosave would have left it. */
const seedDraft = (dataDir: string): void => {
  const ledger = openLedger(dataDir);
  const drafts = createDraftsRepository(ledger);
  const draft = drafts.create('Benchmark: 100,000 recipients', settings);
  drafts.saveChanges({
    id: draft.id,
    deletes: [],
    upserts: Array.from({ length: rowCount }, (_, index) => ({
      id: `row-${String(index)}`,
      values: {
        first_name: `First${String(index)}`,
        last_name: `Last${String(index)}`,
        email: `person${String(index)}@example.com`,
        // One row in five has a mobile number too, as in the import benchmark's HR export.
        ...(index % 5 === 0 ? { sms: `(212) 555-${String(index % 10_000).padStart(4, '0')}` } : {}),
        reference: `E-${String(index).padStart(6, '0')}`,
      },
    })),
  });
  ledger.close();
};

/**
 * Frame times while the 100,000-row grid scrolls in Chromium: the built renderer through the test
 * bridge, the grid scrolled by a screenful every frame, the gap between animation frames recorded.
 */
export const gridScrollFrames = (): Promise<Figure[]> =>
  withAppInChromium(async (page) => {
    // Every row checked against the loaded catalog: nothing is left to do but scroll.
    await page
      .getByTestId('problem-counter')
      .filter({ hasText: new RegExp(`^0 errors .* ${rowCount.toLocaleString('en-US')} rows$`) })
      .waitFor({ timeout: 60_000 });
    const gaps = await page.evaluate(async (frames) => {
      const grid = document.querySelector<HTMLElement>('[role="grid"]');
      if (grid === null) throw new Error('no grid');
      const samples: number[] = [];
      let previous = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      for (let frame = 0; frame < frames; frame += 1) {
        grid.scrollTop += grid.clientHeight;
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        samples.push(now - previous);
        previous = now;
      }
      return samples;
    }, framesToMeasure);
    const editMs = await timeOneEdit(page);
    const sorted = [...gaps].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Number.POSITIVE_INFINITY;
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
    // A frame is dropped when its gap is more than half a frame longer than the budget.
    const dropped = gaps.filter((gap) => gap > frameBudgetMs * 1.5).length;
    return [
      figure(
        'grid-scroll-100k-frame-p95',
        p95,
        'ms',
        frameBudgetMs,
        `${String(framesToMeasure)} frames, a screenful per frame; median ${median.toFixed(1)} ms`,
        timestampResolutionMs,
      ),
      figure(
        'grid-scroll-100k-dropped-frames-pct',
        (dropped / framesToMeasure) * 100,
        '%',
        droppedFramesBudgetPct,
        `${String(dropped)} of ${String(framesToMeasure)} frames over ${(frameBudgetMs * 1.5).toFixed(1)} ms`,
      ),
      figure(
        'grid-edit-100k-commit',
        editMs,
        'ms',
        editBudgetMs,
        'from Enter on an edited cell to the problem counter showing the new error',
      ),
    ];
  }, seedDraft);
