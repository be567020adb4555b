import type { ReviewReport } from '../../common/contract/review.ts';
import { centsToDecimalString, formatCents } from '../../common/money.ts';
import { err, ok, type Result } from '../../common/result.ts';
import { typedAmountMatches } from '../../common/review/typed-amount.ts';
import { exitCodes, type CliIo } from './cli-command.ts';

/**
 * The one deliberate action before money moves. --yes stands for it (and for typing the total of a
 * large batch); otherwise a person at a terminal answers, and without a terminal nothing is sent: not
 * confirmed, exit 1 as the help says.
 * Ok carries the typed total for the batch service; err the exit code, already explained.
 */
export const confirmSend = async (
  report: ReviewReport,
  environment: string,
  isYes: boolean,
  io: CliIo,
): Promise<Result<string | undefined, number>> => {
  const total = report.cost.costCents;
  const money = formatCents(total, report.cost.currencyCode);
  if (isYes) return ok(report.confirmationRequired ? centsToDecimalString(total) : undefined);
  if (!io.isTerminal.stdin) {
    io.stderr(
      'giftbatch send: nothing was sent. Sending needs a confirmation and there is no terminal to ask on; ' +
        'review the summary above and run again with --yes.\n',
    );
    return err(exitCodes.invalid);
  }
  const declined = () => {
    io.stderr('Nothing was sent.\n');
    return err(exitCodes.invalid);
  };
  const rows = String(report.sendableRows);
  if (report.confirmationRequired) {
    const typed = await io.ask(
      `This batch costs more than ${formatCents(report.confirmAboveCents, report.cost.currencyCode)}. ` +
        `Type the total, ${money}, to send ${rows} rewards to ${environment}: `,
    );
    if (typed === undefined || !typedAmountMatches(typed, total)) return declined();
    return ok(typed);
  }
  const answer = await io.ask(`Send ${rows} rewards for ${money} to ${environment}? [y/N] `);
  return answer !== undefined && /^y(es)?$/i.test(answer.trim()) ? ok(undefined) : declined();
};
