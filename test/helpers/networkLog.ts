import type { Page } from 'playwright-core';

export interface SentRequest {
  url: string;
  method: string;
  contentType: string;
  /** The Cookie header Chromium sent ('' when none). */
  cookie: string;
  /** The status the server answered (0 until it has). */
  status: number;
}

/**
 * What a page's requests carried and got, from Chromium's own network log (the
 * DevTools protocol): the Cookie header actually sent, which playwright's
 * request.allHeaders() leaves out for some cross-origin requests.
 */
export async function recordNetwork(page: Page): Promise<{ to(urlPrefix: string): SentRequest[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = new Map<string, SentRequest>();
  const entry = (id: string) =>
    requests.get(id) ?? requests.set(id, { url: '', method: '', contentType: '', cookie: '', status: 0 }).get(id)!;
  const header = (headers: Record<string, unknown>, name: string) =>
    String(Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? '');
  // Events of one request come in either order: each fills in its own fields.
  cdp.on('Network.requestWillBeSent', (e) =>
    Object.assign(entry(e.requestId), {
      url: e.request.url,
      method: e.request.method,
      contentType: header(e.request.headers, 'content-type'),
    }),
  );
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    entry(e.requestId).cookie = header(e.headers, 'cookie');
  });
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    entry(e.requestId).status = e.statusCode;
  });
  return { to: (urlPrefix) => [...requests.values()].filter((r) => r.url.startsWith(urlPrefix)) };
}
