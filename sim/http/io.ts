import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The largest request body the simulator reads. A real node reads any size (Spring hands RestServer the
 * whole body); the simulator stops well above the largest request the console makes (an add of 100000
 * VM NICs and 100000 IPs is about 10 MB), so that a flood of huge bodies cannot exhaust its memory.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** How much of a refused body is read and thrown away before the connection is closed. */
const MAX_DISCARD_BYTES = 4 * MAX_BODY_BYTES;

/**
 * Answers 413 at once and throws the rest of the body away as it arrives (never kept), so that the
 * client reads the answer instead of a reset connection; an upload that goes on and on is cut off.
 */
function refuse(req: IncomingMessage, res: ServerResponse, limit: number): void {
  res.setHeader('Connection', 'close');
  send(res, 413, `Request body too large: the simulator reads at most ${limit} bytes`);
  let discarded = 0;
  const cutOff = setTimeout(() => req.socket.destroy(), 30_000);
  cutOff.unref();
  req.on('data', (c: Buffer) => {
    discarded += c.length;
    if (discarded > MAX_DISCARD_BYTES) req.socket.destroy();
  });
  req.on('close', () => clearTimeout(cutOff));
  req.resume();
}

/**
 * Reads the whole request body as UTF-8 (Vite hands us the raw request: no body parser ran before), or
 * answers 413 and resolves to undefined when it is larger than `limit`: by its Content-Length before
 * reading any of it, and for a body without one (chunked) as soon as the bytes read pass the limit.
 */
export function readBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit = MAX_BODY_BYTES,
): Promise<string | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    refuse(req, res, limit);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) {
        chunks.push(c);
        return;
      }
      refused = true;
      chunks = [];
      req.off('data', onData);
      refuse(req, res, limit);
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks, size).toString('utf8'));
    });
    req.on('error', (e) => {
      if (!refused) reject(e);
    });
  });
}

/** Writes a response with no Content-Type header (ZStack sets none). */
export function send(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent || res.destroyed) return;
  res.statusCode = status;
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Closes the connection without an answer (the client sees a network error). */
export function drop(req: IncomingMessage, res: ServerResponse): void {
  res.destroy();
  req.socket.destroy();
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
