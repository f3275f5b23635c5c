import { instancePorts } from '../../src/neo4j-launcher/launcher';

/**
 * Neo4j Browser asks the HTTP discovery endpoint which Bolt address to connect to. The launcher
 * must advertise the port it listens on, or Browser on a custom HTTP port pre-fills the default
 * 7687: another server on a shared machine.
 */
const external = !!process.env.NEO4J_TEST_URI;
(external ? describe.skip : describe)('the launched test instance', () => {
  const ports = instancePorts('test');

  it('advertises its own Bolt port on the discovery endpoint', async () => {
    const response = await fetch(`http://127.0.0.1:${ports.http}/`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, string>;
    expect(discovery.bolt_direct).toBe(`bolt://127.0.0.1:${ports.bolt}`);
    expect(discovery.bolt_routing).toBe(`neo4j://127.0.0.1:${ports.bolt}`);
  });
});
