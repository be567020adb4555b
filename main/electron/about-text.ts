export interface AboutFacts {
  readonly productName: string;
  readonly version: string;
  readonly versions: Readonly<Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>>;
  readonly dataDir: string;
}

/** Help → About: what a support request needs, and where the data is. */
export const aboutText = ({ productName, version, versions, dataDir }: AboutFacts) => ({
  message: `${productName} ${version}`,
  detail: [
    `Electron ${versions.electron ?? '?'}`,
    `Chromium ${versions.chrome ?? '?'}`,
    `Node.js ${versions.node ?? '?'}`,
    `V8 ${versions.v8 ?? '?'}`,
    '',
    `Data folder: ${dataDir}`,
  ].join('\n'),
});
