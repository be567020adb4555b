import { recipientFlagSpec, recipientFlagsUsage, recipientRunOptions } from '../batch-options.ts';
import { checkFile, checkJson } from '../check-file.ts';
import { readCommandLine } from '../command-line.ts';
import { exitCodes, type CliCommand, type CliIo } from '../cli-command.ts';
import { describeProblems } from '../print-review.ts';

const usage = `Usage: giftbatch validate FILE [options]

Reads a recipient file (CSV, tab-separated text, .xlsx, .ods, .fods, Excel 2003 XML or an HTML
table) as the app imports it and checks every row by the app's rules against the provider's catalog,
the program's policies and earlier batches. Problems are reported with their row as the spreadsheet shows it (header
counted) and their column.

Options:
${recipientFlagsUsage}
  -h, --help            show this help

Exit codes: 0 no errors (warnings allowed), 1 errors, 4 bad flags or unreadable file,
5 the provider could not be reached or refused the credentials.
`;

const run = async (args: readonly string[], io: CliIo): Promise<number> => {
  const line = readCommandLine(
    args,
    recipientFlagSpec,
    { name: 'validate', usage, argument: 'the file to validate' },
    io,
  );
  if (line.exit !== undefined) return line.exit;
  const { values, argument: file, usageError } = line;
  const options = recipientRunOptions(file, values, io.env);
  if (!options.ok) return usageError(options.error);

  const checkedFile = await checkFile('validate', options.value, io);
  if (!checkedFile.ok) return checkedFile.error;
  const { services, checked, loaded } = checkedFile.value;
  await services.close();
  if (values.json) {
    io.stdout(checkJson(checked));
  } else {
    const errorCount = String(checked.errors.length);
    const warningCount = String(checked.warnings.length);
    io.stdout(
      [
        `${loaded.fileName}: ${String(checked.rows)} rows, ${errorCount} errors, ${warningCount} warnings`,
        ...describeProblems('Errors', checked.errors),
        ...describeProblems('Warnings', checked.warnings),
        '',
      ].join('\n'),
    );
  }
  return checked.errors.length === 0 ? exitCodes.ok : exitCodes.invalid;
};

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a recipient file by the app’s rules, with file row numbers and columns',
  usage,
  run,
};
