import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAssetPath } from './asset-path.ts';

describe('resolveAssetPath', () => {
  const root = path.resolve('/app/out/renderer');

  it('maps the root to index.html and paths to files inside the build folder', () => {
    expect(resolveAssetPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveAssetPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
  });

  it.each([
    '/../main/index.js',
    '/assets/../../secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fmain',
    '/a%5c..%5c..',
    '/%00',
    '/%E0%A4%A',
  ])('refuses %s, which would escape the folder or is malformed', (pathname) => {
    expect(resolveAssetPath(root, pathname)).toBeUndefined();
  });
});
