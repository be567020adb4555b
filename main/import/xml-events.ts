import { SaxesParser } from 'saxes';

/**
 * An element's start, by local name ("table:table-cell" and "table-cell" alike), attributes likewise
 * (the first of a local name wins); `qualified` has them as written, for names two namespaces share.
 */
export interface XmlStart {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly qualified: Readonly<Record<string, string>>;
}

export interface XmlHandler {
  readonly start: (element: XmlStart) => void;
  readonly end: (name: string) => void;
  readonly text: (text: string) => void;
}

export interface XmlReader {
  /** Text of the document in order, in chunks of any size. */
  readonly write: (chunk: string) => void;
  /** Undefined when the whole document was well-formed, else what the parser found wrong. */
  readonly close: () => string | undefined;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * A streaming XML reader (saxes: strict, well kept, never expands entities a document declares, so a
 * "billion laughs" file is an error rather than gigabytes) that passes on local names only. Spreadsheet
 * formats write their prefixes as they like ("ss:Row" or "Row"), and being liberal there costs nothing.
 */
export const createXmlReader = (handler: XmlHandler): XmlReader => {
  const parser = new SaxesParser<{ readonly xmlns: false; readonly position: false }>({
    xmlns: false,
    position: false,
  });
  let failure: string | undefined;
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const [name, value] of Object.entries(tag.attributes)) {
      const local = localName(name);
      if (!attributes.has(local)) attributes.set(local, value);
    }
    handler.start({ name: localName(tag.name), attributes, qualified: tag.attributes });
  });
  parser.on('closetag', (tag) => {
    handler.end(localName(tag.name));
  });
  parser.on('text', handler.text);
  parser.on('cdata', handler.text);
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  return {
    write: (chunk) => {
      if (failure === undefined) parser.write(chunk);
    },
    close: () => {
      if (failure === undefined) parser.close();
      return failure;
    },
  };
};
