import type Database from 'better-sqlite3';
import { z } from 'zod';
import { columnMappingSchema } from '../../common/contract/import.ts';
import type { ColumnMapping } from '../../common/recipients/column-mapping.ts';

/** Confirmed column mappings, by header signature, so the same export from HR maps itself next time. */
export const createMappingMemory = (db: Database.Database) => {
  const select = db.prepare<[string], { mapping_json: string }>(
    'SELECT mapping_json FROM import_mappings WHERE header_signature = ?',
  );
  const upsert =
    db.prepare(`INSERT INTO import_mappings (header_signature, mapping_json, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (header_signature) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`);
  return {
    recall: (signature: string): ColumnMapping | undefined => {
      const row = select.get(signature);
      if (row === undefined) return undefined;
      const parsed = columnMappingSchema.safeParse(JSON.parse(row.mapping_json) as unknown);
      return parsed.success ? parsed.data : undefined;
    },
    remember: (signature: string, mapping: z.infer<typeof columnMappingSchema>): void => {
      upsert.run(signature, JSON.stringify(mapping), new Date().toISOString());
    },
  };
};

export type MappingMemory = ReturnType<typeof createMappingMemory>;
