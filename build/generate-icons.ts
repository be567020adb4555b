import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../test/support/find-chromium.ts';
import { icnsFile, icoFile } from './icon-containers.ts';

/**
 * Renders build/icon.svg, the one source, at every size the installers need (`npm run icons`), and writes:
 * build/icons/<n>x<n>.png (Linux, and the sources of the others), build/icon.png (1024), build/icon.ico
 * (Windows) and build/icon.icns (macOS), and the tray's images in build/tray/: tray.png (Windows, Linux) and
 * the macOS menu bar's template image, trayTemplate.png with @2x, whose only colour is its alpha. Chromium
 * draws the SVG, so no image package is needed.
 */
const buildDir = import.meta.dirname;
export const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const icoSizes = [16, 24, 32, 48, 64, 128, 256] as const;

/** The menu bar's template image is 16 pt, drawn at 16 and 32 px (Retina). */
const trayTemplateSizes = [16, 32] as const;

/**
 * The gift drawn as a template: the icon's white glyph becomes opaque black and its blue ground
 * transparent, so macOS can tint it for a light or dark menu bar.
 */
const trayTemplate = async (page: Page, size: number): Promise<Buffer> => {
  const dataUrl = await page.evaluate(
    async ({ source, side }) => {
      const image = new Image(side, side);
      image.src = source;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('No 2D canvas');
      context.drawImage(image, 0, 0, side, side);
      const pixels = context.getImageData(0, 0, side, side);
      const { data } = pixels;
      for (let index = 0; index < data.length; index += 4) {
        const lightest = Math.min(data[index] ?? 0, data[index + 1] ?? 0, data[index + 2] ?? 0);
        const glyph = Math.max(0, Math.min(1, (lightest - 96) / 128));
        data[index + 3] = Math.round((data[index + 3] ?? 0) * glyph);
        data[index] = data[index + 1] = data[index + 2] = 0;
      }
      context.putImageData(pixels, 0, 0);
      return canvas.toDataURL('image/png');
    },
    { source: svgDataUrl, side: size },
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
};

const svg = await readFile(path.join(buildDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium() });
const pngs = new Map<number, Buffer>();
const templates = new Map<number, Buffer>();
const svgDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
try {
  const page = await browser.newPage();
  for (const size of pngSizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img width="${String(size)}" height="${String(size)}" src="${svgDataUrl}">`,
    );
    pngs.set(size, await page.screenshot({ omitBackground: true }));
  }
  for (const size of trayTemplateSizes) templates.set(size, await trayTemplate(page, size));
} finally {
  await browser.close();
}

const renderingOf =
  (images: ReadonlyMap<number, Buffer>) =>
  (size: number): Buffer => {
    const image = images.get(size);
    if (image === undefined) throw new Error(`No ${String(size)} px rendering`);
    return image;
  };
const png = renderingOf(pngs);
const template = renderingOf(templates);
await mkdir(path.join(buildDir, 'icons'), { recursive: true });
for (const size of pngSizes) {
  await writeFile(path.join(buildDir, 'icons', `${String(size)}x${String(size)}.png`), png(size));
}
await writeFile(path.join(buildDir, 'icon.png'), png(1024));
await writeFile(path.join(buildDir, 'icon.ico'), icoFile(icoSizes.map((size) => ({ size, png: png(size) }))));
await writeFile(path.join(buildDir, 'icon.icns'), icnsFile(png));
await mkdir(path.join(buildDir, 'tray'), { recursive: true });
await writeFile(path.join(buildDir, 'tray', 'tray.png'), png(32));
await writeFile(path.join(buildDir, 'tray', 'trayTemplate.png'), template(16));
await writeFile(path.join(buildDir, 'tray', 'trayTemplate@2x.png'), template(32));
process.stdout.write(
  `Wrote ${String(pngSizes.length)} PNGs, icon.ico, icon.icns and the tray's images into ${buildDir}\n`,
);
