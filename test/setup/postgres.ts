import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './embedded-postgres.js';

/** Vitest global setup: one PostgreSQL for the whole run; tests read its URL with inject('postgresUrl'). */
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
