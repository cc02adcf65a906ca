/** Short random ids for new records; seeded templates use fixed ids instead. */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
export const ID_RANDOM_CHARS = 10;

export function newId(prefix: string): string {
  const bytes = new Uint8Array(ID_RANDOM_CHARS);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${out}`;
}
