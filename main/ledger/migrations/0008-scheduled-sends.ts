/**
 * Scheduled sends (docs/architecture.md §5.14): a committed batch may wait for a start time. The time
 * says when to act, like the lease and the poll schedule, so it is an operational column; the events
 * `batch.scheduled` and `batch.unscheduled` record who set it and when, in the verified chain.
 */
export const migration0008 = {
  id: 8,
  name: 'scheduled-sends',
  sql: `
    ALTER TABLE batches ADD COLUMN scheduled_for TEXT;
    CREATE INDEX batches_scheduled ON batches (scheduled_for) WHERE scheduled_for IS NOT NULL;
  `,
};
