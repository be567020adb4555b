import { createHash } from 'node:crypto';
import { appError } from '../../../common/errors.ts';
import { err, ok } from '../../../common/result.ts';
import type { EventHub } from '../../events/event-hub.ts';
import { importFile } from '../../import/import-file.ts';
import type { MappingMemory } from '../../import/mapping-memory.ts';
import type { CallHandlers } from '../call-handlers.ts';

/** Parsing runs in main, off the renderer's UI thread, and reports progress as events. */
export const createImportHandlers = (
  memory: MappingMemory,
  events: EventHub,
): Pick<CallHandlers, 'draft:import-file' | 'draft:remember-mapping'> => ({
  'draft:import-file': async ({ fileName, contentBase64 }) => {
    const bytes = Buffer.from(contentBase64, 'base64');
    const imported = await importFile({
      fileName,
      bytes,
      onProgress: (fraction) => {
        events.emit('draft:import-progressed', { fileName, fraction });
      },
    });
    if (!imported.ok) return err(appError('validation', imported.error));
    // A headerless file's made-up headers say nothing about its layout, so nothing is recalled for it.
    const remembered = imported.value.hasHeaderRow ? memory.recall(imported.value.signature) : undefined;
    const recalled = remembered?.length === imported.value.headers.length ? remembered : undefined;
    return ok({
      fileName: imported.value.fileName,
      format: imported.value.format,
      ...(imported.value.encoding === undefined ? {} : { encoding: imported.value.encoding }),
      ...(imported.value.delimiter === undefined ? {} : { delimiter: imported.value.delimiter }),
      ...(imported.value.sheetName === undefined ? {} : { sheetName: imported.value.sheetName }),
      headers: imported.value.headers,
      hasHeaderRow: imported.value.hasHeaderRow,
      rows: imported.value.rows,
      rowNumbers: [...imported.value.rowNumbers],
      mapping: [...(recalled ?? imported.value.suggestedMapping)],
      mappingRemembered: recalled !== undefined,
      signature: imported.value.signature,
      duplicateHeaders: imported.value.duplicateHeaders.map(({ header, columns }) => ({
        header,
        columns: [...columns],
      })),
      cellProblems: [...imported.value.cellProblems],
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  },
  'draft:remember-mapping': ({ signature, mapping }) => {
    memory.remember(signature, mapping);
    return Promise.resolve(ok({ remembered: true }));
  },
});
