#!/usr/bin/env node
import 'reflect-metadata';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { Driver } from 'neo4j-driver';
import { loadConfig, type Config } from '../config';
import { connectionFromConfig, createDriver, Neo4jUnavailableError, unreachableMessage } from '../db/driver';
import { migrate } from '../db/migrate';
import { importPaths, type ImportSummary } from '../import/pipeline';
import { canonicalUrl } from '../graph/url';
import { startNeo4j, stopNeo4j } from '../neo4j-launcher/launcher';
import { createProgressReporter, formatSummary, summaryJson } from './progress';

/** Exit codes of `newsgraph import`. */
export const EXIT = { ok: 0, failed: 1, someRejected: 2 } as const;

const SEEDS_DIR = path.resolve(__dirname, '..', '..', 'seeds');

function positiveInt(value: string): number {
  const parsed = Number.parseInt(value, 10);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

async function connect(config: Config): Promise<Driver> {
  const driver = createDriver(connectionFromConfig(config));
  try {
    await driver.verifyConnectivity({ database: config.neo4jDatabase });
  } catch (error) {
    await driver.close();
    throw new Error(unreachableMessage(config.neo4jUri, error));
  }
  return driver;
}

function exitCodeFor(summary: ImportSummary): number {
  const imported = summary.new + summary.updated + summary.unchanged;
  if (summary.failed === 0) return EXIT.ok;
  return imported > 0 ? EXIT.someRejected : EXIT.failed;
}

interface ImportFlags {
  dryRun?: boolean;
  json?: boolean;
  batchSize?: number;
  reextract?: boolean;
  progress?: boolean;
  url?: string;
}

async function runImport(paths: string[], flags: ImportFlags): Promise<number> {
  const config = loadConfig();
  if (flags.url !== undefined && (paths.length !== 1 || paths[0] === '-' || !canonicalUrl(flags.url))) {
    console.error('--url names the http(s) URL of one page: give exactly one file with it.');
    return EXIT.failed;
  }
  let driver: Driver | undefined;
  if (!flags.dryRun) {
    try {
      driver = await connect(config);
      await migrate(driver, config.neo4jDatabase);
    } catch (error) {
      console.error((error as Error).message);
      return EXIT.failed;
    }
  }
  const reporter = flags.progress === false || flags.json ? undefined : createProgressReporter();
  try {
    const summary = await importPaths(paths, {
      driver,
      database: config.neo4jDatabase,
      batchSize: flags.batchSize ?? config.importBatchSize,
      dryRun: flags.dryRun,
      force: flags.reextract,
      stdin: process.stdin,
      url: flags.url,
      onProgress: reporter ? (progress) => reporter.update(progress) : undefined,
    });
    reporter?.stop();
    if (flags.json && flags.dryRun) {
      const articles = (summary.articles ?? []).map(
        ({ paragraphs: _paragraphs, taught: _taught, extractionKey: _key, ...rest }) => rest,
      );
      process.stdout.write(
        `${JSON.stringify({ articles, errors: summary.errors, warnings: summary.warnings }, null, 2)}\n`,
      );
    } else if (flags.json) {
      // A real import: the summary as one line of JSON on stdout, nothing else there.
      process.stdout.write(`${summaryJson(summary)}\n`);
    } else {
      console.error(formatSummary(summary));
    }
    return exitCodeFor(summary);
  } catch (error) {
    reporter?.stop();
    const message = (error as Error).message;
    if (error instanceof Neo4jUnavailableError) {
      console.error(`${message}\n${unreachableMessage(config.neo4jUri, error.cause ?? error)}`);
    } else {
      console.error(
        driver && /connect|ServiceUnavailable|routing/i.test(message)
          ? unreachableMessage(config.neo4jUri, error)
          : message,
      );
    }
    return EXIT.failed;
  } finally {
    // close() waits for open connections; a dead server must not hold the exit.
    await Promise.race([driver?.close(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  }
}

async function serve(options: { launch: boolean; seedIfEmpty: boolean; stopNeo4j?: boolean }): Promise<void> {
  const config = loadConfig();
  // Neo4j outlives the server unless asked otherwise: the next start then takes seconds.
  let stopOnExit = false;
  if (options.launch && !config.neo4jUriFromEnv) {
    const target = await startNeo4j('dev');
    stopOnExit = !!options.stopNeo4j && target.via !== 'env';
    console.error(
      `Neo4j ${target.version ?? ''} at ${target.uri} (${target.via}); ${
        stopOnExit
          ? 'it stops when this server exits'
          : 'it keeps running after this server exits (npm run neo4j:stop, or start with -- --stop-neo4j)'
      }`,
    );
  }
  const driver = await connect(config);
  await migrate(driver, config.neo4jDatabase);
  if (options.seedIfEmpty) {
    const result = await driver.executeQuery(
      'MATCH (a:Article {imported: true}) RETURN count(a) AS n',
      {},
      {
        database: config.neo4jDatabase,
      },
    );
    if (Number(result.records[0].get('n')) === 0) {
      console.error(`The graph is empty: importing ${SEEDS_DIR}`);
      const summary = await importPaths([SEEDS_DIR], { driver, database: config.neo4jDatabase });
      console.error(formatSummary(summary));
    }
  }
  // Loaded lazily so that `import` never pays for the GraphQL schema build.
  const { startApiServer } = await import('../api/server');
  const server = await startApiServer({
    driver,
    database: config.neo4jDatabase,
    port: config.port,
    logLevel: config.logLevel,
    nodeEnv: config.nodeEnv,
  });
  console.error(
    `GraphQL API ready at ${server.url}${config.nodeEnv === 'production' ? '' : ' (playground: open it in a browser)'}`,
  );
  const shutdown = async () => {
    await server.stop();
    await driver.close();
    if (stopOnExit) await stopNeo4j('dev');
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export function buildProgram(): Command {
  const program = new Command('newsgraph').description(
    'News articles into a Neo4j knowledge graph, served over GraphQL',
  );

  program
    .command('import')
    .description(
      'import article files, folders, globs, or - for stdin (seed layout, HTML pages, RSS/Atom feeds)',
    )
    .argument('<paths...>')
    .option('--dry-run', 'parse and extract only; write nothing')
    .option(
      '--json',
      'print JSON on stdout and nothing else: the summary as one line, or with --dry-run the extracted articles',
    )
    .option(
      '--batch-size <n>',
      'articles per write transaction (default IMPORT_BATCH_SIZE or 250)',
      positiveInt,
    )
    .option('--reextract', 'rewrite every article even when unchanged, with the current alias memory')
    .option('--no-progress', 'no progress output')
    .option('--url <url>', 'the URL of the one HTML page imported (its identity when the page names none)')
    .action(async (paths: string[], flags: ImportFlags) => {
      process.exitCode = await runImport(paths, flags);
      // Whatever a dead server's sockets or the driver's timers still hold, the import is over.
      setTimeout(() => process.exit(process.exitCode), 1_000).unref();
    });

  program
    .command('migrate')
    .description('apply cypher/schema.cypher (constraints and indexes); safe to repeat')
    .action(async () => {
      const config = loadConfig();
      const driver = await connect(config);
      try {
        const count = await migrate(driver, config.neo4jDatabase);
        console.error(`Applied ${count} schema statements to ${config.neo4jUri} (${config.neo4jDatabase}).`);
      } finally {
        await driver.close();
      }
    });

  program
    .command('serve')
    .description('serve the GraphQL API (Neo4j must be running)')
    .action(() => serve({ launch: false, seedIfEmpty: false }));

  program
    .command('start')
    .description(
      'the quick start: start Neo4j if needed, apply the schema, import seeds/ into an empty graph, serve',
    )
    .option(
      '--stop-neo4j',
      'stop the launched Neo4j when the server exits (Ctrl+C); by default it keeps running',
    )
    .action((flags: { stopNeo4j?: boolean }) =>
      serve({ launch: true, seedIfEmpty: true, stopNeo4j: flags.stopNeo4j }),
    );

  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(EXIT.failed);
    });
}
