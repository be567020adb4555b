import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../test/support/find-chromium.ts';
import { icnsFile, icoFile } from './icon-containers.ts';

/**
 * Renders build/icon.svg, the one source, at every size the installers need (`npm run icons`), and writes:
 * build/icons/<n>x<n>.png (Linux, and the sources of the others), build/icon.png (1024), build/icon.ico
 * (Windows) and build/icon.icns (macOS). Chromium draws the SVG, so no image package is needed.
 */
const buildDir = import.meta.dirname;
export const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const icoSizes = [16, 24, 32, 48, 64, 128, 256] as const;

const svg = await readFile(path.join(buildDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium() });
const pngs = new Map<number, Buffer>();
try {
  const page = await browser.newPage();
  for (const size of pngSizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img width="${String(size)}" height="${String(size)}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
    );
    pngs.set(size, await page.screenshot({ omitBackground: true }));
  }
} finally {
  await browser.close();
}

const png = (size: number): Buffer => {
  const image = pngs.get(size);
  if (image === undefined) throw new Error(`No ${String(size)} px rendering`);
  return image;
};
await mkdir(path.join(buildDir, 'icons'), { recursive: true });
for (const size of pngSizes) {
  await writeFile(path.join(buildDir, 'icons', `${String(size)}x${String(size)}.png`), png(size));
}
await writeFile(path.join(buildDir, 'icon.png'), png(1024));
await writeFile(path.join(buildDir, 'icon.ico'), icoFile(icoSizes.map((size) => ({ size, png: png(size) }))));
await writeFile(path.join(buildDir, 'icon.icns'), icnsFile(png));
process.stdout.write(`Wrote ${String(pngSizes.length)} PNGs, icon.ico and icon.icns into ${buildDir}\n`);
