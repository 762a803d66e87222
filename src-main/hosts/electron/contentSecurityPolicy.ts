/**
 * The Content-Security-Policy of the window, sent as a header with every page the
 * app scheme serves (the renderer's own <meta> policy applies as well; a browser
 * enforces both). Everything comes from our origin: no remote script, style,
 * image, font or connection, no plugins, no frames, no forms, no <base>.
 * Inline style attributes stay allowed because React and the player set them;
 * inline script never is.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
