/** The streams a CLI run uses; tests pass in-memory ones. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** Bad input (missing file, empty query, invalid catalog): exit code 1 with a clear message. */
export class CliInputError extends Error {
  readonly code = 'CLI_BAD_INPUT';
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
