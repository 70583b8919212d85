import http from 'node:http';
import https from 'node:https';
import { CLIENT_ADDRESS_HEADER } from './client-address';

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
const marker = Symbol.for('eoi.connection-address');

/**
 * Writes the connection's own address into CLIENT_ADDRESS_HEADER on every request the
 * server receives, replacing anything the client sent under that name. Next.js exposes
 * no connection to application code; this is the one place that sees it, before Next
 * handles the request. Installed once at start-up (lib/server/start.ts), in the process
 * that serves requests (`next start` and `next dev` alike).
 */
export function installConnectionAddress(): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as unknown as Record<string | symbol, unknown>[]) {
    if (proto[marker]) continue;
    const original = proto.emit as Emit;
    const emit: Emit = function (this: unknown, event, ...args) {
      if (event === 'request') {
        const request = args[0] as http.IncomingMessage;
        request.headers[CLIENT_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
      }
      return original.call(this, event, ...args);
    };
    proto.emit = emit;
    proto[marker] = true;
  }
}
