/**
 * A cell of an imported table that must not be taken at face value. Blank formula results and error
 * cells would let a default amount (or nothing) stand in for what the sheet meant, so they are errors
 * wherever a field reads them; unreadable characters are marked so the person retypes them.
 */
export interface CellProblem {
  readonly kind: 'formula-without-value' | 'error-value' | 'unreadable-characters';
  /** Index into the table's rows. */
  readonly row: number;
  /** Index into the table's headers. */
  readonly column: number;
  /** Names the cell, says what is wrong and what to do. */
  readonly message: string;
}
