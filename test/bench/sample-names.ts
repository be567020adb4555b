/** Names for the benchmarks' generated files: a fixed list, so two runs measure the same bytes. */
export const sampleFirstNames: readonly [string, ...string[]] = [
  'Ana',
  'Bo',
  'Chen',
  'Dana',
  'Eli',
  'Fatima',
  'Gus',
  'Hana',
  'Ivan',
  'Jo',
  'Kofi',
  'Lena',
];

export const sampleLastNames: readonly [string, ...string[]] = [
  'Okafor',
  'Ortega',
  'Tanaka',
  'Whitfield',
  'Novak',
  'Haddad',
  'Silva',
  'Berg',
  'Kim',
  'Roy',
];
