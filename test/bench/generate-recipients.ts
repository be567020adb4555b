import { sampleFirstNames, sampleLastNames } from './sample-names.ts';

/**
 * A deterministic HR-style export for benchmarks: names, work email, a mobile number on one row in five,
 * a bonus amount, an employee id. Deterministic so two runs measure the same file.
 */
const domains = ['example.com', 'example.org', 'acme.example', 'globex.example', 'initech.example'];
const amounts = ['10', '25', '50', '$25.00', '25.00'];

export const benchHeaders = [
  'Employee ID',
  'First Name',
  'Last Name',
  'E-mail Address',
  'Mobile',
  'Bonus ($)',
];

export const generateRecipientsCsv = (rowCount: number): string => {
  const lines = [benchHeaders.join(',')];
  for (let index = 0; index < rowCount; index += 1) {
    const first = sampleFirstNames[index % sampleFirstNames.length] ?? 'Ana';
    const last =
      sampleLastNames[Math.floor(index / sampleFirstNames.length) % sampleLastNames.length] ?? 'Kim';
    const domain = domains[index % domains.length] ?? 'example.com';
    const mobile = index % 5 === 0 ? `(212) 555-${String(index % 10_000).padStart(4, '0')}` : '';
    const amount = amounts[index % amounts.length] ?? '25';
    const id = `E-${String(index).padStart(6, '0')}`;
    lines.push(
      [
        id,
        first,
        last,
        `${first}.${last}.${String(index)}@${domain}`.toLowerCase(),
        mobile,
        `"${amount}"`,
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
};
