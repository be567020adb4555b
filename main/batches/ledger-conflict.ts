/** The ledger refused a change that would break a rule of its own (a state move, a PO's payload). */
export class LedgerConflict extends Error {}
