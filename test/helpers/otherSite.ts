import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtherSite {
  /** e.g. http://127.0.0.1:40123: another port of the same host, so the same site as the app. */
  origin: string;
  close(): Promise<void>;
}

/**
 * A tiny web server on another port of 127.0.0.1 standing for any other site the
 * analyst may have open (a hostile one, or a local tool that was compromised).
 * It serves the given pages, and an empty page at any other path.
 */
export async function startOtherSite(pages: Record<string, string> = {}): Promise<OtherSite> {
  const server = http.createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname] ?? '<!doctype html><title>other site</title>';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
