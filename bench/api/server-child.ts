import pino from 'pino';
import { startApiServer } from '../../src/api/server';
import { createDriver } from '../../src/db/driver';
import { targetFor } from '../../src/neo4j-launcher/launcher';

/**
 * The API as the benchmark measures it: its own process (so the load generator does not share
 * its event loop), production mode, errors only, on the instance the parent chose. Prints `READY <url>`.
 */
async function main(): Promise<void> {
  const driver = createDriver(targetFor('test'), { maxConnectionPoolSize: 100 });
  const server = await startApiServer({
    driver,
    database: process.env.NEO4J_TEST_DATABASE || 'neo4j',
    port: 0,
    host: '127.0.0.1',
    nodeEnv: 'production',
    logger: pino({ level: 'error' }, pino.destination(2)),
  });
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdout.write(`READY ${server.url}\n`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
