import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const packageJsonSchema = z.object({ productName: z.string(), version: z.string() });

/** The product name and version Electron would report, read from the same package.json. */
export const packageInfo = packageJsonSchema.parse(
  JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')),
);
