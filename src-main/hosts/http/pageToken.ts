import { TOKEN_META_NAME } from '../../../src-shared/api/loopbackAuth.js';

/**
 * The page as served to a request that already proved the token (and came from
 * no other site): with the token in a <meta> for the window's script, which
 * sends it back in a header with each API call. Pages are sent `no-store`, and
 * another origin cannot read them, so the token goes to our window only.
 */
export function withTokenMeta(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${escapeAttribute(token)}" />`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return insertAt(html, head.index + head[0].length, meta);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return insertAt(html, doctype ? doctype[0].length : 0, meta);
}

function insertAt(text: string, index: number, insert: string): string {
  return text.slice(0, index) + insert + text.slice(index);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
