/**
 * The request-size limit a node's Tomcat enforces before ZStack sees a request: ZStack's installer
 * (zstack-utility installation/install.sh, server.xml) sets maxHttpHeaderSize="65536" on the 8080 connector,
 * so a request line plus headers over 64 KB is refused with 400 and Tomcat's own error page (Tomcat 8.5:
 * "Request header is too large"); the body does not count. Node's HTTP server would refuse heads over 16 KB
 * with 431 first, so the servers that mount the simulator accept up to NODE_MAX_HEADER_SIZE.
 */
import type { IncomingMessage } from 'node:http';

export const TOMCAT_MAX_HTTP_HEADER_SIZE = 65536;
/** Above Tomcat's limit, so that the simulator (not Node) answers up to there; larger heads get Node's 431. */
export const NODE_MAX_HEADER_SIZE = 4 * TOMCAT_MAX_HTTP_HEADER_SIZE;

/** Raises Node's limit on a server (http.Server reads `maxHeaderSize` for every new connection). */
export function acceptTomcatSizedHeads(server: unknown): void {
  if (server && typeof server === 'object' && 'maxHeaderSize' in server) {
    (server as { maxHeaderSize?: number }).maxHeaderSize = NODE_MAX_HEADER_SIZE;
  }
}

/** Bytes of the request line and headers as they came on the wire ("GET /x HTTP/1.1\r\nName: value\r\n...\r\n"). */
export function requestHeadBytes(req: IncomingMessage): number {
  let n = Buffer.byteLength(`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}\r\n`) + 2;
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    n += Buffer.byteLength(raw[i] ?? '') + 2 + Buffer.byteLength(raw[i + 1] ?? '') + 2;
  }
  return n;
}

/** Tomcat 8.5's ErrorReportValve page for the 400 (its stack trace lines left out). */
export const TOMCAT_HEADER_TOO_LARGE_PAGE =
  '<!doctype html><html lang="en"><head><title>HTTP Status 400 – Bad Request</title><style type="text/css">' +
  'body {font-family:Tahoma,Arial,sans-serif;} h1, h2, h3, b {color:white;background-color:#525D76;} ' +
  'h1 {font-size:22px;} h2 {font-size:16px;} h3 {font-size:14px;} p {font-size:12px;} a {color:black;} ' +
  '.line {height:1px;background-color:#525D76;border:none;}</style></head><body>' +
  '<h1>HTTP Status 400 – Bad Request</h1><hr class="line" /><p><b>Type</b> Exception Report</p>' +
  '<p><b>Message</b> Request header is too large</p><p><b>Description</b> The server cannot or will not ' +
  'process the request due to something that is perceived to be a client error (e.g., malformed request ' +
  'syntax, invalid request message framing, or deceptive request routing).</p><p><b>Exception</b></p>' +
  '<pre>java.lang.IllegalArgumentException: Request header is too large</pre><p><b>Note</b> The full stack ' +
  'trace of the root cause is available in the server logs.</p><hr class="line" /><h3>Apache Tomcat/8.5.57</h3>' +
  '</body></html>';
