#!/usr/bin/env node
import 'reflect-metadata';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { Driver } from 'neo4j-driver';
import { loadConfig, type Config } from '../config';
import { connectionFromConfig, createDriver, Neo4jUnavailableError, unreachableMessage } from '../db/driver';
import { migrate } from '../db/migrate';
import { importPaths, type ImportSummary } from '../import/pipeline';
import { startNeo4j } from '../neo4j-launcher/launcher';
import { createProgressReporter, formatSummary } from './progress';

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
}

async function runImport(paths: string[], flags: ImportFlags): Promise<number> {
  const config = loadConfig();
  if (flags.json && !flags.dryRun) {
    console.error('--json goes with --dry-run: a real import prints its summary on stderr.');
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
      onProgress: reporter ? (progress) => reporter.update(progress) : undefined,
    });
    reporter?.stop();
    if (flags.json) {
      const articles = (summary.articles ?? []).map(
        ({ paragraphs: _paragraphs, taught: _taught, extractionKey: _key, ...rest }) => rest,
      );
      process.stdout.write(
        `${JSON.stringify({ articles, errors: summary.errors, warnings: summary.warnings }, null, 2)}\n`,
      );
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

async function serve(options: { launch: boolean; seedIfEmpty: boolean }): Promise<void> {
  const config = loadConfig();
  if (options.launch && !config.neo4jUriFromEnv) {
    const target = await startNeo4j('dev');
    console.error(`Neo4j ${target.version ?? ''} at ${target.uri} (${target.via})`);
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
    `GraphQL API ready at ${server.url}${config.nodeEnv === 'production' ? '' : ' (Apollo Sandbox: open it in a browser)'}`,
  );
  const shutdown = async () => {
    await server.stop();
    await driver.close();
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
    .option('--json', 'with --dry-run: print the extracted articles as one JSON document on stdout')
    .option(
      '--batch-size <n>',
      'articles per write transaction (default IMPORT_BATCH_SIZE or 250)',
      positiveInt,
    )
    .option('--reextract', 'rewrite every article even when unchanged, with the current alias memory')
    .option('--no-progress', 'no progress output')
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
    .action(() => serve({ launch: true, seedIfEmpty: true }));

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
