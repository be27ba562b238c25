import { maskedSecret, maskedSession } from '../mask';

/** What a copied command reads from the environment instead of the secret the log never kept. */
export const sessionEnv = 'ZSTACK_SESSION';
export const passwordEnv = 'ZSTACK_PASSWORD_SHA512';

export type Piece = string | { env: string };

const tokens: [string, string][] = [
  [maskedSession, sessionEnv],
  [maskedSecret, passwordEnv],
];

/** A logged text cut where a masked secret stands, each secret replaced by its environment variable. */
export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let rest = text;
  for (;;) {
    let first: [number, string, string] | undefined;
    for (const [token, env] of tokens) {
      const at = rest.indexOf(token);
      if (at >= 0 && (!first || at < first[0])) first = [at, token, env];
    }
    if (!first) break;
    const [at, token, env] = first;
    if (at > 0) out.push(rest.slice(0, at));
    out.push({ env });
    rest = rest.slice(at + token.length);
  }
  if (rest || out.length === 0) out.push(rest);
  return out;
}
