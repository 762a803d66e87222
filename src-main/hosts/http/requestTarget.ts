/** What a request addresses on the loopback host. */
export type Route = { kind: 'api-call'; method: string } | { kind: 'events' } | { kind: 'media' } | { kind: 'page' };

export type RouteKind = Route['kind'];

export type ParsedTarget = { ok: true; url: URL; route: Route } | { ok: false; status: 400; reason: string };

/**
 * Parses the request target (the path of the request line) against our own
 * origin. Only a path is accepted: an absolute URL (`GET http://…`) is a
 * proxy's request, and resolving `//other/…` against a base would change the
 * host. A path whose percent-encoding does not decode is refused here, once, so
 * that no route ever meets one (decodeURIComponent throws on `%E0%A4%A`).
 */
export function parseTarget(target: string | undefined, origin: string): ParsedTarget {
  if (!target?.startsWith('/')) return bad('The request must name a path on this host (starting with "/").');
  let url: URL;
  try {
    url = new URL(origin + target);
  } catch {
    return bad('The request path is not a valid URL path.');
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return bad('The request path has a malformed percent-encoding (each "%" must be followed by two hex digits of valid UTF-8).');
  }
  return { ok: true, url, route: routeOf(url.pathname, decoded) };
}

function routeOf(pathname: string, decoded: string): Route {
  const prefix = '/api/call/';
  // The prefix is plain ASCII, so what follows it decodes whenever the whole path did.
  if (pathname.startsWith(prefix)) return { kind: 'api-call', method: decoded.slice(prefix.length) };
  if (pathname === '/api/events') return { kind: 'events' };
  if (pathname.startsWith('/media/')) return { kind: 'media' };
  return { kind: 'page' };
}

function bad(reason: string): ParsedTarget {
  return { ok: false, status: 400, reason };
}
