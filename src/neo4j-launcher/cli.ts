import { INSTANCE_NAMES, neo4jStatus, startNeo4j, stopNeo4j, type InstanceName } from './launcher';

/** `npm run neo4j:start|stop|status [-- --instance test]`; each is safe to repeat. */
async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  const flag = argv.indexOf('--instance');
  // `npm test` runs `pretest` with the test instance; everything else defaults to dev.
  const fromLifecycle = process.env.npm_lifecycle_event === 'pretest' ? 'test' : undefined;
  const instance = (
    flag >= 0 ? argv[flag + 1] : (fromLifecycle ?? process.env.NEWSGRAPH_INSTANCE ?? 'dev')
  ) as InstanceName;
  if (!INSTANCE_NAMES.includes(instance)) {
    console.error(`Unknown instance "${instance}": use ${INSTANCE_NAMES.join(', ')}.`);
    return 2;
  }
  switch (command) {
    case 'start': {
      const started = Date.now();
      const target = await startNeo4j(instance);
      console.error(
        `Neo4j ${target.version ?? ''} ready at ${target.uri} (${target.via}${target.reused ? ', reused' : ''}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return 0;
    }
    case 'stop':
      await stopNeo4j(instance);
      return 0;
    case 'status': {
      const status = await neo4jStatus(instance);
      console.log(JSON.stringify(status));
      return status.answering ? 0 : 3;
    }
    default:
      console.error('usage: neo4j <start|stop|status> [--instance dev|test|faults]');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
