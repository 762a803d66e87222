/**
 * HTML built from template literals in which every interpolated value is text
 * unless it is already SafeHtml: text from users and files (notes, names,
 * paths) can only ever be escaped, never become markup, by construction.
 * Invisible controls are shown by their codes (visibleText).
 */
import { visibleText } from '../content/visibleText.js';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

function part(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(visibleText(String(value)));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup produced by our own code (never from user text), e.g. the figure's SVG. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
