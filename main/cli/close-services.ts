import type { CliIo } from './cli-command.ts';
import type { CliServices } from './cli-services.ts';

/**
 * Closes the services at the end of a command. A failure here (the sandbox's state file on a full
 * disk) is told in words and does not change the exit code already decided: the batch's own record
 * is in the ledger.
 */
const closeServices = async (services: CliServices, io: CliIo): Promise<void> => {
  try {
    await services.close();
  } catch (error) {
    io.stderr(
      `giftbatch: closing down failed (${error instanceof Error ? error.message : String(error)}); what was sent is recorded in the ledger.\n`,
    );
  }
};

/** Runs a command's work on its services, and closes them after however it ends. */
export const usingServices = async (
  services: CliServices,
  io: CliIo,
  work: () => Promise<number>,
): Promise<number> => {
  try {
    return await work();
  } finally {
    await closeServices(services, io);
  }
};
