/**
 * Text for XML 1.0 documents. A character XML 1.0 cannot carry at all (most
 * control characters, unpaired surrogates, U+FFFE/U+FFFF) would make the whole
 * file unreadable, so it becomes U+FFFD, the replacement character; everything
 * else round-trips exactly through any conforming parser.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 forbids replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** Element content. A carriage return is written as a reference, since parsers turn a literal one into a line feed. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** A double-quoted attribute value. Tabs and line ends are references, since parsers turn literal ones into spaces. */
export function xmlAttribute(text: string): string {
  const refs: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    '\t': '&#9;',
    '\n': '&#10;',
    '\r': '&#13;',
  };
  return xmlSafe(text).replace(/[&<>"\t\n\r]/g, (c) => refs[c] as string);
}
