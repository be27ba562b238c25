import { JavaLong, type SdkCall } from './params';
import { pieces, sessionEnv } from './secrets';

/**
 * A logged call as ZStack's Java and Python SDKs take it, laid out as ZStack's API pages print them
 * (RestDocumentationGenerator's javaSdk() and pythonSdk(): one `action.<field> = <value>` per parameter,
 * the session, then `call()`), with values written as each language's literals so that the code runs:
 * the pages print maps as Groovy's `[k:v]` and Python as Java, neither of which compiles.
 * The session and any masked password come from the environment.
 */
export interface SdkSnippet {
  /** The lines the API page shows. */
  code: string;
  /** Imports and client configuration the code needs (the pages leave them out). */
  setup: string;
}

const envExpr = { java: (v: string) => `System.getenv("${v}")`, python: (v: string) => `os.environ["${v}"]` };

const javaNamed: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function javaString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += javaNamed[ch] ?? (code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : ch);
  }
  return `"${out}"`;
}

function pythonString(text: string): string {
  let unicode = false;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code > 0x7f) {
      // zssdk is Python 2: non-ASCII source needs a coding line, an escaped u"" literal does not
      unicode = true;
      out +=
        code > 0xffff
          ? `\\U${code.toString(16).padStart(8, '0')}`
          : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${unicode ? 'u' : ''}"${out}"`;
}

type Lang = 'java' | 'python';

function str(text: string, lang: Lang): string {
  const quote = lang === 'java' ? javaString : pythonString;
  return pieces(text)
    .map((p) => (typeof p === 'string' ? quote(p) : envExpr[lang](p.env)))
    .join(' + ');
}

function literal(value: unknown, lang: Lang): string {
  if (typeof value === 'string') return str(value, lang);
  if (value instanceof JavaLong) return lang === 'java' ? `${value.value}L` : String(value.value);
  if (typeof value === 'number')
    return lang === 'java' && !Number.isInteger(value) ? `${value}d` : String(value);
  if (typeof value === 'boolean') return lang === 'java' ? String(value) : value ? 'True' : 'False';
  if (value === null || value === undefined) return lang === 'java' ? 'null' : 'None';
  if (Array.isArray(value)) {
    const items = value.map((v) => literal(v, lang));
    if (lang === 'python') return `[${items.join(', ')}]`;
    return items.length ? `asList(${items.join(', ')})` : 'new ArrayList()';
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (lang === 'python')
    return `{${entries.map(([k, v]) => `${str(k, lang)}: ${literal(v, lang)}`).join(', ')}}`;
  // Map.of takes ten pairs at most
  return entries.length <= 10
    ? `Map.of(${entries.map(([k, v]) => `${str(k, lang)}, ${literal(v, lang)}`).join(', ')})`
    : `Map.ofEntries(${entries.map(([k, v]) => `Map.entry(${str(k, lang)}, ${literal(v, lang)})`).join(', ')})`;
}

const actionName = (call: SdkCall) => `${call.spec.name}Action`;

export interface NodeAddress {
  hostname: string;
  port: number;
  /** Below which ZStack's /v1 is served: `zstack` for /zstack/v1. */
  contextPath: string;
}

export function javaSdk(call: SdkCall, node: NodeAddress): SdkSnippet {
  const name = actionName(call);
  const lines = [`${name} action = new ${name}();`];
  for (const [field, value] of call.fields) lines.push(`action.${field} = ${literal(value, 'java')};`);
  if (!call.spec.noSession) lines.push(`action.sessionId = ${envExpr.java(sessionEnv)};`);
  lines.push(`${name}.Result res = action.call();`);
  const setup = [
    'import static java.util.Arrays.asList;',
    'import java.util.*;',
    'import org.zstack.sdk.*;',
    ...(call.spec.sdkPackage === 'org.zstack.sdk' ? [] : [`import ${call.spec.sdkPackage}.*;`]),
    '',
    `ZSClient.configure(new ZSConfig.Builder().setHostname(${javaString(node.hostname)}).setPort(${node.port}).setContextPath(${javaString(node.contextPath)}).build());`,
  ];
  return { code: lines.join('\n'), setup: setup.join('\n') };
}

export function pythonSdk(call: SdkCall, node: NodeAddress): SdkSnippet {
  const name = actionName(call);
  const lines = [`action = ${name}()`];
  for (const [field, value] of call.fields) lines.push(`action.${field} = ${literal(value, 'python')}`);
  if (!call.spec.noSession) lines.push(`action.sessionId = ${envExpr.python(sessionEnv)}`);
  lines.push('res = action.call()');
  const setup = [
    'import os',
    'from zssdk import *',
    '',
    `configure(hostname=${pythonString(node.hostname)}, port=${node.port}, context_path=${pythonString(`/${node.contextPath}`)})`,
  ];
  return { code: lines.join('\n'), setup: setup.join('\n') };
}
