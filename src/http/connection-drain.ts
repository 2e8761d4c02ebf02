import type { IncomingMessage, Server } from 'node:http';
import { Server as NetServer, Socket } from 'node:net';

/** The longest shutdown waits for connections that have arrived to be accepted and read. */
const DRAIN_LIMIT_MS = 1000;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Closing the app stops the listener, which resets connections the kernel
 * has queued but Node not yet accepted (libuv accepts one per turn of the
 * event loop), and Node's `server.close()` drops every connection with no
 * request in progress, including those whose request has arrived but not yet
 * been read. Under load, a client that sent its request before SIGTERM would
 * get a connection reset. `drain()` first accepts what is queued, then stops
 * listening and waits until each connection's request has been read, so the
 * app closes with every request that arrived in progress (bounded by
 * DRAIN_LIMIT_MS).
 */
export function trackConnections(server: Server): { drain(): Promise<void> } {
  let accepted = 0;
  const unread = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    accepted += 1;
    unread.add(socket);
    socket.once('close', () => unread.delete(socket));
  });
  server.on('request', (request: IncomingMessage) => unread.delete(request.socket));
  return {
    async drain() {
      const deadline = Date.now() + DRAIN_LIMIT_MS;
      // Turn the loop until two turns in a row accept nothing: the backlog is empty.
      let quietTurns = 0;
      while (quietTurns < 2 && Date.now() < deadline) {
        const before = accepted;
        await nextTurn();
        quietTurns = accepted === before ? quietTurns + 1 : 0;
      }
      // Stop listening only: http's close() would also drop the unread connections.
      if (server.listening) NetServer.prototype.close.call(server);
      while (unread.size > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}
