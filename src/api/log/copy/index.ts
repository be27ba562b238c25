import { matchApi } from '../apiNames';
import type { ApiLogEntry } from '../types';
import { curlCommand } from './curl';
import { copyMessages, type LogMessage } from './messages';
import { sdkCallOf } from './params';
import { javaSdk, pythonSdk, type NodeAddress, type SdkSnippet } from './sdk';

export { passwordEnv, sessionEnv } from './secrets';
export type { SdkSnippet, NodeAddress };

export type CopyFormat = 'curl' | 'java' | 'python';

export type { LogMessage };

export type Copied = { ok: true; text: string; setup?: string } | { ok: false; reason: LogMessage };

/** Where the console reaches ZStack, for the SDKs' configure(): the console's own origin, /zstack. */
export function nodeAddressOf(origin: string): NodeAddress {
  const url = new URL(origin);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { hostname: url.hostname, port, contextPath: 'zstack' };
}

/**
 * An entry of the API log as a command to repeat it: curl, or a ZStack Java / Python SDK call, with the
 * exact parameters the console sent and the session read from $ZSTACK_SESSION.
 */
export function copyAs(entry: ApiLogEntry, format: CopyFormat, origin: string): Copied {
  if (entry.request?.truncated) return { ok: false, reason: copyMessages.bodyNotKept(entry.request.size) };
  const spec = matchApi(entry.method, entry.path)?.spec;
  if (format === 'curl') return { ok: true, text: curlCommand(entry, origin, spec?.noSession ?? false) };
  const call = sdkCallOf(entry);
  if (call === 'unknownApi') return { ok: false, reason: copyMessages.unknownApi(entry.method, entry.path) };
  if (call === 'unreadableBody') return { ok: false, reason: copyMessages.unreadableBody };
  if (call === 'bodyNotKept')
    return { ok: false, reason: copyMessages.bodyNotKept(entry.request?.size ?? 0) };
  const snippet: SdkSnippet = (format === 'java' ? javaSdk : pythonSdk)(call, nodeAddressOf(origin));
  return { ok: true, text: snippet.code, setup: snippet.setup };
}
