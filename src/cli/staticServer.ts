/** A plain static file server on localhost, for `npm run preview`, the demo and browser tests of a built site. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, isAbsolute, join, normalize, relative, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  // The data package's README: shown as text, not downloaded.
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** The path asked for, as sent and decoded; undefined for one that cannot be decoded (`%E0`). */
function requestedPath(url: string | undefined): { sent: string; decoded: string } | undefined {
  try {
    const sent = new URL(url ?? '/', 'http://x').pathname;
    return { sent, decoded: decodeURIComponent(sent) };
  } catch {
    return undefined;
  }
}

/** Serves `root` at `prefix` (a sub-path such as /archive/2020/review/); anything outside it is 404. */
export async function serve(root: string, prefix = '/', port = 0): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const base = resolve(root);
  const inside = (file: string) => {
    const path = relative(base, file);
    return !path.startsWith('..') && !isAbsolute(path);
  };
  const server: Server = createServer((request, response) => {
    const asked = requestedPath(request.url);
    if (asked === undefined) {
      response.writeHead(400).end('bad request');
      return;
    }
    const requested = asked.decoded;
    if (!requested.startsWith(prefix)) {
      response.writeHead(404).end('not found');
      return;
    }
    const path = normalize(`/${requested.slice(prefix.length)}`).replace(/^(\.\.[/\\])+/u, '');
    let file = join(base, path);
    if (existsSync(file) && statSync(file).isDirectory()) {
      // A folder's page links relative to the folder: /zh-Hant must become /zh-Hant/ first.
      if (!requested.endsWith('/')) {
        response.writeHead(301, { Location: `${asked.sent}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!inside(file) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // A file removed or unreadable while it is sent ends the response, not the server.
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  });
  // A port in use rejects (EADDRINUSE), for the caller to say so.
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      listening();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${bound}${prefix.replace(/\/$/u, '')}`,
    port: bound,
    close: () =>
      new Promise((closed) => {
        server.close(() => closed());
        // Keep-alive connections of a browser would hold close() open.
        server.closeAllConnections();
      }),
  };
}
