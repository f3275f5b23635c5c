import net from 'node:net';

/**
 * TCP_NODELAY for the Neo4j driver's sockets.
 *
 * neo4j-driver 5 neither sets it nor offers an option. Its chunker writes a Bolt message longer
 * than 1400 bytes in several socket writes; with Nagle's algorithm on, the kernel holds back all
 * but the first until the server acknowledges it, and the server delays that acknowledgement by
 * up to 40 ms. Every query whose text is longer than that (experts, co-mentions, most batch
 * queries) took 40-50 ms however little work it did: measured on the 10k corpus, experts(乌克兰)
 * 48 ms median with Nagle, 8 ms without.
 *
 * The driver turns keep-alive on for each socket it opens (`configureSocket` in
 * neo4j-driver-bolt-connection's node-channel.js), so that call also turns Nagle off. Nothing
 * is lost for other sockets that enable keep-alive: for request/response traffic no-delay is the
 * better setting (Node's HTTP server already defaults to it). Installed once, by createDriver,
 * before any driver connection exists, so the importer and the API both get it.
 */
const INSTALLED = Symbol.for('newsgraph.tcpNoDelay');

export function installTcpNoDelay(): void {
  const proto = net.Socket.prototype as net.Socket & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const setKeepAlive = proto.setKeepAlive;
  proto.setKeepAlive = function (this: net.Socket, ...args: Parameters<net.Socket['setKeepAlive']>) {
    this.setNoDelay(true);
    return setKeepAlive.apply(this, args);
  };
  proto[INSTALLED] = true;
}
