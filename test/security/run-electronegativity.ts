import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';

/**
 * Electronegativity over the sources and the built out/ (`npm run test:security`, part of `npm test`).
 * The tool exits 0 whatever it finds, so its CSV report is read here: any finding not in
 * accepted-findings.json fails, and so does an accepted entry that no longer occurs, so the list stays
 * the truth.
 */
const root = path.join(import.meta.dirname, '../..');
const scans = { sources: '.', out: 'out' } as const;
type Scan = keyof typeof scans;

const acceptedSchema = z.object({
  accepted: z.array(
    z.object({
      scan: z.enum(['sources', 'out']),
      issue: z.string(),
      file: z.string(),
      reason: z.string().min(20),
    }),
  ),
});
const findingSchema = z.object({
  issue: z.string(),
  filename: z.string(),
  location: z.string(),
  sample: z.string(),
});
type Finding = z.infer<typeof findingSchema> & { readonly scan: Scan };

const run = (scan: Scan, report: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const binary = path.join(root, 'node_modules/.bin/electronegativity');
    const child = spawn(binary, ['-i', scans[scan], '-o', report, '-r', '-e', '45.5.0', '-v', 'false'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && existsSync(report)) resolve();
      else reject(new Error(`electronegativity on ${scans[scan]} failed (exit ${String(code)}): ${stderr}`));
    });
  });

const findingsOf = async (scan: Scan, report: string): Promise<Finding[]> => {
  const { data } = Papa.parse<Record<string, string>>(await readFile(report, 'utf8'), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (header) => header.trim(),
  });
  return data.map((row) => ({ scan, ...findingSchema.parse(row) }));
};

if (!existsSync(path.join(root, 'out/main/index.js'))) {
  throw new Error('out/ is missing: run `npm run build` first (npm test does).');
}
const folder = await mkdtemp(path.join(tmpdir(), 'giftbatch-electronegativity-'));
let findings: Finding[];
try {
  findings = [];
  // One scan after the other: run side by side, one report now and then came back garbled at its start
  // (read as a row without filename, location or sample), so the scan failed at random.
  for (const scan of Object.keys(scans) as Scan[]) {
    const report = path.join(folder, `${scan}.csv`);
    await run(scan, report);
    findings.push(...(await findingsOf(scan, report)));
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}

const { accepted } = acceptedSchema.parse(
  JSON.parse(await readFile(path.join(import.meta.dirname, 'accepted-findings.json'), 'utf8')),
);
const keyOf = (entry: { scan: string; issue: string; file: string }) =>
  `${entry.scan} ${entry.issue} ${entry.file}`;
const acceptedKeys = new Set(accepted.map(keyOf));
const foundKeys = new Set(findings.map((finding) => keyOf({ ...finding, file: finding.filename })));
const unexpected = findings.filter(
  (finding) => !acceptedKeys.has(keyOf({ ...finding, file: finding.filename })),
);
const stale = accepted.filter((entry) => !foundKeys.has(keyOf(entry)));

for (const finding of unexpected) {
  process.stdout.write(
    `NEW  ${finding.scan}: ${finding.issue} at ${finding.filename}:${finding.location}\n     ${finding.sample}\n`,
  );
}
for (const entry of stale) {
  process.stdout.write(`GONE ${keyOf(entry)}: remove it from test/security/accepted-findings.json\n`);
}
const passed = findings.length - unexpected.length;
process.stdout.write(
  `electronegativity: ${String(findings.length)} findings, ${String(passed)} accepted, ${String(unexpected.length)} new, ${String(stale.length)} accepted but gone\n`,
);
process.exitCode = unexpected.length === 0 && stale.length === 0 ? 0 : 1;
