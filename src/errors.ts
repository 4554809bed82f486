/**
 * The project's typed errors. Each has a stable string `code`; callers branch on `code`, never on `message`.
 */

/** One problem in a catalog file: which file, which entry, which field. */
export interface CatalogProblem {
  file: string;
  /** The entry's code (or `#index` when it has none), or undefined for file-level problems. */
  entry?: string;
  /** Dotted path of the field, e.g. `links.0.url`. */
  field?: string;
  message: string;
}

export class CatalogError extends Error {
  readonly code = 'CATALOG_INVALID';
  constructor(
    readonly problems: CatalogProblem[],
    options?: ErrorOptions,
  ) {
    super(`Invalid catalog:\n${problems.map(formatProblem).join('\n')}`, options);
    this.name = 'CatalogError';
  }
}

export function formatProblem(problem: CatalogProblem): string {
  const where = [problem.file, problem.entry && `entry ${problem.entry}`, problem.field && `field ${problem.field}`]
    .filter(Boolean)
    .join(', ');
  return `- ${where}: ${problem.message}`;
}

/** Missing or malformed settings; `issues` lists every one, so the operator fixes them in one go. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly issues: string[]) {
    super(`Invalid settings:\n${issues.map((issue) => `- ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The database could not be reached or a query failed. */
export class StoreError extends Error {
  readonly code = 'STORE_FAILED';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** A start-up problem found in the answer thread (settings, catalog, store), relayed to the main thread as is. */
export class StartupError extends Error {
  readonly code = 'STARTUP_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
