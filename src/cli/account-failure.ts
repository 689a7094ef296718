/**
 * @module Runs a command's account and mail work and turns their expected refusals (AccountError,
 * MailError) into the one-line UsageError the command line prints, exit code 1.
 */
import { AccountError } from "../accounts/index.js";
import { MailError } from "../mail/index.js";
import { UsageError } from "./usage-error.js";

export async function asUsageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AccountError || error instanceof MailError) throw new UsageError(error.message, 1);
    throw error;
  }
}
