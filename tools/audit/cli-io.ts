/** Where the CLI writes and what it reads from its environment, so tests can run it in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** A terminal gets a progress bar; pipes and logs get a line per page. */
  isTty: boolean;
}

export const processIo = (): CliIo => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  isTty: Boolean(process.stderr.isTTY),
});

/** Exit codes: 0 all good; 1 a check failed (verification, rebuild comparison); 2 usage; 3 the API failed. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, apiFailed: 3 } as const;

/** An error that ends the command with a message and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);
