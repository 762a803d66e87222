/**
 * How the window proves itself to the loopback HTTP host on every API call.
 * The cookie set from the URL's `?token=` goes along with any request to the
 * host's address, including ones another page on this machine makes (ports do
 * not separate sites); a custom header does not: a page of another origin can
 * send one only after a CORS preflight, which the host never approves. So API
 * calls carry the token in this header, as `application/json`.
 */
export const TOKEN_HEADER = 'X-Micromoment-Token';

/**
 * The window's script cannot read the HttpOnly cookie: the host writes the token
 * into the page it serves, in `<meta name="micromoment-token" content="…">`.
 */
export const TOKEN_META_NAME = 'micromoment-token';
