import { delimiter } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { BUILTIN_CATALOGS_DIR, readCatalogs } from '../domain/catalog.js';
import { createCatalogCache } from '../domain/catalog-cache.js';
import { createResolver, type Resolver } from '../domain/resolver.js';
import { StoreError } from '../errors.js';
import { formatLookup, formatProblems, formatScan, formatSkippedProblems } from './format.js';
import { CliInputError, type CliIo, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from './io.js';
import { lookupJson, scanFileJson } from './json.js';
import { readInput } from './read-input.js';

function catalogDirs(env: NodeJS.ProcessEnv): string[] {
  const extra = (env.CATALOGS_DIR ?? '').split(new RegExp(`[,${delimiter}]`)).filter(Boolean);
  return [BUILTIN_CATALOGS_DIR, ...extra];
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return number;
}

function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text);
}

/** Runs the CLI and returns its exit code: 0 success, 1 bad input or invalid catalog, 2 usage. */
export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let resolver: Resolver | undefined;
  const getResolver = async () => {
    if (resolver) return resolver;
    // `catalogs validate` always checks the YAML itself; lookups may reuse files checked before.
    const { catalog, problems } = await readCatalogs(catalogDirs(env), { cache: createCatalogCache() });
    // One broken file in a team's CATALOGS_DIR must not stop every lookup: say what is wrong (file, entry,
    // field) and answer from the rest. The bot itself refuses to start instead (answering.ts).
    if (problems.length > 0) write(io.stderr, formatSkippedProblems(problems));
    // One run answers one command: fuzzy indexes are built only if that command needs them.
    resolver = createResolver(catalog, { lazy: true });
    return resolver;
  };
  let exitCode = EXIT_OK;

  const program = new Command('oauth-error-bot')
    .description('Explains OAuth 2.0 / OpenID Connect errors from versioned catalogs.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => write(io.stdout, text), writeErr: (text) => write(io.stderr, text) })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('lookup')
    .description('best matches for an error code or a phrase')
    .argument('<query...>', 'a code (AADSTS50011, invalid_grant) or words from the message')
    .option('--provider <id>', 'only this provider (entra, okta, netsuite-oauth2, ...)')
    .option('--limit <n>', 'most matches to show', positiveInt, 5)
    .option('--json', 'print JSON')
    .action(async (words: string[], options: { provider?: string; limit: number; json?: boolean }) => {
      const query = words.join(' ').trim();
      if (!query)
        throw new CliInputError('The query is empty: give an error code or a phrase, e.g. lookup AADSTS50011');
      const current = await getResolver();
      if (options.provider && !current.catalog.providers.has(options.provider)) {
        const known = [...current.catalog.providers.keys()].sort().join(', ');
        throw new CliInputError(`Unknown provider "${options.provider}". Known providers: ${known}`);
      }
      const matches = current.lookup(query, {
        limit: options.limit,
        ...(options.provider ? { provider: options.provider } : {}),
      });
      write(
        io.stdout,
        options.json ? `${JSON.stringify(lookupJson(query, matches), null, 2)}\n` : formatLookup(query, matches),
      );
    });

  program
    .command('scan')
    .description('every distinct error in files (or stdin when none, or -)')
    .argument('[files...]', 'files to read')
    .option('--json', 'print JSON (each finding with its cause, resolution and links)')
    .option('--sure', 'leave out possible (weak) matches')
    .action(async (files: string[], options: { json?: boolean; sure?: boolean }) => {
      const current = await getResolver();
      const names = files.length > 0 ? files : ['-'];
      const results = [];
      for (const file of names) {
        let text: string;
        try {
          text = await readInput(file, io.stdin);
        } catch (error) {
          if (!(error instanceof CliInputError)) throw error;
          write(io.stderr, `${error.message}\n`);
          exitCode = EXIT_BAD_INPUT;
          continue;
        }
        const { findings: all, support } = current.scan(text);
        const findings = options.sure ? all.filter((finding) => finding.confidence !== 'weak') : all;
        const label = file === '-' ? '<stdin>' : file;
        results.push(scanFileJson(label, findings, support));
        if (!options.json) write(io.stdout, formatScan(label, all, support, { sure: options.sure ?? false }));
      }
      if (options.json) write(io.stdout, `${JSON.stringify({ files: results }, null, 2)}\n`);
    });

  const catalogs = program.command('catalogs').description('catalog maintenance');
  catalogs
    .command('validate')
    .description('check catalog files (default: the built-in catalogs and CATALOGS_DIR)')
    .argument('[dir]', 'a folder of catalog files')
    .action(async (dir: string | undefined) => {
      const { catalog, problems } = await readCatalogs(dir ? [dir] : catalogDirs(env));
      if (problems.length > 0) {
        write(io.stderr, formatProblems(problems));
        exitCode = EXIT_BAD_INPUT;
        return;
      }
      const counts = [...catalog.providers.keys()]
        .sort()
        .map((id) => `  ${id}: ${catalog.entries.filter((entry) => entry.provider === id).length}`);
      write(
        io.stdout,
        `Catalogs are valid: ${catalog.providers.size} providers, ${catalog.entries.length} entries\n${counts.join('\n')}\n`,
      );
    });

  program
    .command('digest')
    .description("render a channel's daily failure digest from the store (DATABASE_URL) to the terminal")
    .requiredOption('--channel <id>', 'the Slack channel id, e.g. C0123456789')
    .option('--team <id>', 'the Slack workspace id, when the channel id is not unique')
    .option('--preview', 'render only, post nothing (the only mode from the terminal)')
    .action(async (options: { channel: string; team?: string }) => {
      if (!/^[CDG][A-Z0-9]+$/.test(options.channel)) {
        throw new CliInputError(`"${options.channel}" is not a Slack channel id (like C0123456789)`);
      }
      // Loaded here only: the store's modules (kysely, the database drivers) would double every lookup's start.
      const { renderDigestPreview } = await import('./digest.js');
      const text = await renderDigestPreview(
        {
          channel: options.channel,
          databaseUrl: env.DATABASE_URL || undefined,
          now: new Date(),
          ...(options.team ? { team: options.team } : {}),
        },
        (await getResolver()).catalog,
      );
      write(io.stdout, text);
    });

  program
    .command('feedback')
    .description('entries most often marked wrong, and codes seen that the catalogs lack (from DATABASE_URL)')
    .option('--limit <n>', 'most rows per list', positiveInt, 20)
    .option('--json', 'print JSON')
    .action(async (options: { limit: number; json?: boolean }) => {
      // Loaded here, as digest is: the store's modules would otherwise slow every lookup's start.
      const { formatFeedback, readFeedback } = await import('./feedback.js');
      const summary = await readFeedback(
        { databaseUrl: env.DATABASE_URL || undefined, limit: options.limit },
        (await getResolver()).catalog,
      );
      write(io.stdout, options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatFeedback(summary));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof CliInputError) {
    write(io.stderr, `${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof StoreError) {
    write(io.stderr, `${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  throw error;
}
