/**
 * The draft's "phone numbers in" country, kept with its batch so a rejected row edited later reads a
 * number typed without a country code the same way the draft did. Batches from before have NULL, read
 * as the app's default country, which is what editing them assumed until now.
 */
export const migration0004 = {
  id: 4,
  name: 'batch phone country',
  sql: `ALTER TABLE batches ADD COLUMN default_country TEXT;`,
} as const;
