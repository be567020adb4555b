import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Comments cite the documents in docs/ as `docs/<file>.md §N` or `§N.M` (lists and ranges allowed:
 * `§3, §4, §13.3–13.4`). A citation a maintainer cannot follow to a heading is a broken promise, so
 * every one must resolve, and nothing may still cite the documents that lived outside the repository.
 */
const root = path.join(import.meta.dirname, '../..');
const thisFile = path.relative(root, fileURLToPath(import.meta.url));
const scannedDirs = ['main', 'common', 'renderer', 'preload', 'test', 'docs'];
const scannedExtensions = /\.(?:ts|tsx|js|mjs|cjs|md)$/;
const rootFiles = readdirSync(root).filter(
  (name) => /\.(?:ts|js|mjs|cjs)$/.test(name) || name === 'README.md',
);

const section = String.raw`\d+(?:\.\d+)?`;
const sectionItem = String.raw`§(${section})(?:[–-](${section}))?`;
/** `docs/x.md` then one or more sections, separated by commas, "and" or spaces. */
const citation = new RegExp(
  String.raw`docs/([\w-]+)\.md((?:(?:,\s*|\s+and\s+|\s+)§${section}(?:[–-]${section})?)+)`,
  'g',
);
/** The documents that lived outside the repository, by the names the comments used for them. */
const oldDocument = /design\.md|API notes/gi;

interface Citation {
  readonly where: string;
  readonly document: string;
  readonly sections: readonly string[];
}

const sourceFiles = (): string[] => [
  ...rootFiles,
  ...scannedDirs.flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => scannedExtensions.test(file) && !file.split(path.sep).includes('node_modules'))
      .map((file) => path.join(dir, file)),
  ),
];

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** "13.5" to "13.11" → 13.5, 13.6, …, 13.11; endpoints only when they are not siblings. */
const expandRange = (from: string, to: string | undefined): string[] => {
  if (to === undefined) return [from];
  const [fromHead, fromLast] = splitLast(from);
  const [toHead, toLast] = splitLast(to);
  if (fromHead !== toHead || toLast < fromLast) return [from, to];
  return Array.from({ length: toLast - fromLast + 1 }, (_, i) => `${fromHead}${String(fromLast + i)}`);
};

const splitLast = (id: string): [string, number] => {
  const dot = id.lastIndexOf('.');
  return [id.slice(0, dot + 1), Number(id.slice(dot + 1))];
};

const scan = () => {
  const citations: Citation[] = [];
  const uncited: string[] = [];
  for (const file of sourceFiles()) {
    if (file === thisFile) continue;
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(citation)) {
      const sections = [...(match[2] ?? '').matchAll(new RegExp(sectionItem, 'g'))].flatMap((item) =>
        expandRange(item[1] ?? '', item[2]),
      );
      citations.push({
        where: `${file}:${String(lineOf(text, match.index))}`,
        document: match[1] ?? '',
        sections,
      });
    }
    // Documents cite their own sections with a bare §; code must say which document it means.
    const rest = text.replaceAll(citation, (whole) => ' '.repeat(whole.length));
    const bare = file.startsWith('docs/') ? [] : [...rest.matchAll(/§/g)];
    const lines = text.split('\n');
    const lineNos = new Set(
      [...rest.matchAll(oldDocument), ...bare].map((match) => lineOf(text, match.index)),
    );
    for (const lineNo of [...lineNos].sort((a, b) => a - b)) {
      uncited.push(`${file}:${String(lineNo)}: ${lines[lineNo - 1]?.trim() ?? ''}`);
    }
  }
  return { citations, uncited };
};

const headingsOf = (document: string): Set<string> | undefined => {
  let text: string;
  try {
    text = readFileSync(path.join(root, 'docs', `${document}.md`), 'utf8');
  } catch {
    return undefined;
  }
  return new Set([...text.matchAll(/^#{2,6}\s+(\d+(?:\.\d+)?)[.\s]/gm)].map((match) => match[1] ?? ''));
};

const numbered = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i)}`);

describe('references to the documents in docs/', () => {
  const { citations, uncited } = scan();

  it('finds the citations the code makes', () => {
    expect(citations.length).toBeGreaterThan(50);
  });

  it('resolve each cited section to a numbered heading of that document', () => {
    const unresolved = citations.flatMap((cited) => {
      const headings = headingsOf(cited.document);
      if (headings === undefined) return [`${cited.where}: docs/${cited.document}.md does not exist`];
      return cited.sections
        .filter((id) => !headings.has(id))
        .map((id) => `${cited.where}: docs/${cited.document}.md has no heading numbered ${id}`);
    });
    expect(unresolved).toEqual([]);
  });

  it('never cite design.md or the API notes, nor a § without its document', () => {
    expect(uncited).toEqual([]);
  });

  it('keep the numbering the citations were written against', () => {
    expect([...(headingsOf('architecture') ?? [])]).toEqual(
      expect.arrayContaining([...numbered('', 1, 8), ...numbered('5.', 1, 12)]),
    );
    expect([...(headingsOf('provider-api') ?? [])]).toEqual(
      expect.arrayContaining([...numbered('', 0, 13), ...numbered('5.', 1, 5), ...numbered('13.', 1, 18)]),
    );
  });
});
