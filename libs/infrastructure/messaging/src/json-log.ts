/** A structured log entry; written as one JSON line. */
export interface JsonLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

/** Where messaging components log to; injectable so tests can capture the lines. */
export type JsonLog = (entry: JsonLogEntry) => void;

/**
 * Writes one JSON line, to stderr for warnings and errors so they stay separate from output.
 * Log shippers parse lines, not Nest's coloured text.
 */
export const writeJsonLine: JsonLog = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n';
  if (entry.level === 'warn' || entry.level === 'error') process.stderr.write(line);
  else process.stdout.write(line);
};

/** The message of anything thrown, for logs and the dead-letter `error` header. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error
    ? error.message
    : typeof error === 'string'
      ? error
      : (JSON.stringify(error) ?? String(error));
