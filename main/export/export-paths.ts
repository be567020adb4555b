/** The files of one audit export: for --out audit.csv, audit.summary.csv and audit.manifest.json beside it. */
export interface AuditExportPaths {
  readonly csv: string;
  readonly summary: string;
  readonly manifest: string;
}

export const auditExportPaths = (csvPath: string): AuditExportPaths => {
  const stem = csvPath.replace(/\.csv$/i, '');
  return { csv: csvPath, summary: `${stem}.summary.csv`, manifest: `${stem}.manifest.json` };
};
