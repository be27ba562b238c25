import { matchApi } from './apiNames';

/**
 * What the API log must never keep: session ids (the Authorization header, the `{sessionUuid}` of LogOut,
 * ValidateSession and RenewSession, the `inventory.uuid` a login answers with, and any text equal to a
 * session id the console has used) and password hashes (`password` members at any depth: ZStack's logins
 * send the SHA-512 of the password, which is as good as the password).
 */
export const maskedSession = '<session>';
export const maskedSecret = '********';

/** Keys whose values are secrets wherever they appear. */
const secretKey = /password|secret/i;

/** A session id: 32 lowercase hex (ZStack's uuids); nothing shorter is learnt, so that masking stays exact. */
const sessionLike = /^[0-9a-f]{32}$/;

export class Masker {
  private readonly secrets = new Set<string>();

  /** Remembers a session id so that it is masked wherever it shows up later (or has shown up in this call). */
  learn(session: string | undefined | null): void {
    if (session && sessionLike.test(session)) this.secrets.add(session);
  }

  /** Learns the session from an `Authorization: OAuth <session>` header value. */
  learnHeader(authorization: string | undefined): void {
    const m = /^OAuth\s+(\S+)$/.exec(authorization ?? '');
    this.learn(m?.[1]);
  }

  /** Learns the session an answer carries (`{"inventory": {"uuid": ...}}` of a login or RenewSession). */
  learnFromAnswer(returnsSession: boolean, body: unknown): void {
    if (!returnsSession) return;
    const inventory = (body as { inventory?: { uuid?: unknown } } | null)?.inventory;
    if (typeof inventory?.uuid === 'string') this.learn(inventory.uuid);
  }

  forget(): void {
    this.secrets.clear();
  }

  /** Replaces every session id the console has used inside a text. */
  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.replaceAll(secret, maskedSession);
    return out;
  }

  /** A path with its session variable masked (LogOut, ValidateSession, RenewSession), then any known id. */
  path(method: string, path: string): string {
    const match = matchApi(method, path);
    let out = path;
    if (match?.spec.sessionInPath) {
      const session = match.vars.sessionUuid ?? '';
      this.learn(session);
      out = out.replace(`/sessions/${encodeURIComponent(session)}`, `/sessions/${maskedSession}`);
    }
    return this.text(out);
  }

  /** A query string (without `?`): secret-named parameters and known ids masked, the rest as sent. */
  query(query: string): string {
    if (!query) return '';
    const parts = query.split('&').map((part) => {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      return eq >= 0 && secretKey.test(decodeQueryPart(key)) ? `${key}=${maskedSecret}` : part;
    });
    return this.text(parts.join('&'));
  }

  /**
   * A request or answer body as the log keeps it, as JSON text: secret members masked at any depth, the
   * session of a login answer masked, then every known session id masked wherever it occurs. Linear in
   * the size of the body; the body itself is not changed.
   */
  json(body: unknown, returnsSession = false): string {
    const inventory = returnsSession ? (body as { inventory?: unknown } | null)?.inventory : undefined;
    const text = JSON.stringify(body, function (this: unknown, key: string, value: unknown) {
      if (key !== '' && secretKey.test(key) && value !== null && value !== undefined) return maskedSecret;
      if (inventory !== undefined && this === inventory && key === 'uuid') return maskedSession;
      return value;
    }) as string | undefined;
    return text === undefined ? '' : this.text(text);
  }
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return part;
  }
}
