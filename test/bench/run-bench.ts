import { parseArgs } from 'node:util';
import { exportRatio } from './export-figures.ts';
import type { Figure } from './figure.ts';
import { gridScrollFrames } from './grid-scroll-figure.ts';
import { historySearchP95 } from './history-figures.ts';
import { importMemory, importRatio } from './import-figures.ts';
import { importToGrid } from './import-grid-figure.ts';
import {
  sendCommit,
  sendLatencyRatio,
  sendLatencyRatioDiskBusy,
  sendLedgerPerRow,
  sendRoundTripRatio,
} from './send-figures.ts';

/**
 * `npm run bench`: one line per figure, or with --json one object {"figures":[…]}; --only NAME runs the
 * figures whose name starts with NAME. Figures are ratios or budgets measured in this run, since the
 * machines are shared and absolute times are noise.
 */
const benches: Record<string, () => Promise<Figure[]>> = {
  'import-map-100k-ratio': importRatio,
  'import-validate-100k-peak-rss': importMemory,
  'grid-100k': gridScrollFrames,
  'import-100k-to-grid': importToGrid,
  'send-2000-latency-ratio': sendLatencyRatio,
  'send-2000-round-trip-ratio': sendRoundTripRatio,
  'send-2000-latency-ratio-disk-busy': sendLatencyRatioDiskBusy,
  'send-2000-ledger-ms-per-row': sendLedgerPerRow,
  'send-2000-commit': sendCommit,
  'audit-export-100k-ratio': exportRatio,
  'history-search-1m-p95': historySearchP95,
};

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
  strict: true,
});

const selected = Object.entries(benches).filter(
  ([name]) => values.only === undefined || name.startsWith(values.only),
);
if (selected.length === 0) {
  process.stderr.write(
    `No benchmark matches "${values.only ?? ''}". Known: ${Object.keys(benches).join(', ')}\n`,
  );
  process.exit(4);
}

const figures: Figure[] = [];
for (const [, measure] of selected) {
  for (const measured of await measure()) {
    figures.push(measured);
    if (!values.json) {
      const verdict = measured.pass ? 'pass' : 'FAIL';
      const detail = measured.detail === undefined ? '' : ` (${measured.detail})`;
      process.stdout.write(
        `${measured.name}: ${String(measured.value)} ${measured.unit} — target ${measured.higherIsBetter === true ? '≥' : '≤'} ${String(measured.target)} — ${verdict}${detail}\n`,
      );
    }
  }
}
if (values.json) process.stdout.write(`${JSON.stringify({ figures })}\n`);
