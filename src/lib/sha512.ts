/**
 * ZStack takes passwords as the lowercase hex SHA-512 of the plain text. WebCrypto does it natively, but
 * only in a secure context (https or localhost); a console served over plain http on a LAN address falls
 * back to @noble/hashes, loaded only then.
 */
export async function sha512Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  let digest: Uint8Array;
  if (globalThis.crypto?.subtle) {
    digest = new Uint8Array(await crypto.subtle.digest('SHA-512', bytes));
  } else {
    const { sha512 } = await import('@noble/hashes/sha2.js');
    digest = sha512(bytes);
  }
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
