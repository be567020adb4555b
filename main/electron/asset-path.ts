import path from 'node:path';

/**
 * Maps a request path to a file inside the renderer's build folder, or undefined when it would escape
 * the folder (`..`, encoded separators, NUL), which the caller answers with a 404.
 */
export const resolveAssetPath = (rendererDir: string, urlPathname: string): string | undefined => {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const resolved = path.resolve(root, relative);
  return resolved.startsWith(root + path.sep) ? resolved : undefined;
};
