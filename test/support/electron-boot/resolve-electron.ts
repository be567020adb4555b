/** A module-resolution hook: every `import 'electron'` (ours and electron-store's) gets the stand-in. */
const standIn = new URL('./electron-stand-in.ts', import.meta.url).href;

type Resolve = (
  specifier: string,
  context: unknown,
  next: (specifier: string, context: unknown) => Promise<{ url: string }>,
) => Promise<{ url: string; shortCircuit?: boolean }>;

export const resolve: Resolve = (specifier, context, next) =>
  specifier === 'electron' ? Promise.resolve({ url: standIn, shortCircuit: true }) : next(specifier, context);
