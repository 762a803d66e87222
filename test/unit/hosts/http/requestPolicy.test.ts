import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestPolicy, type PolicyRequest } from '../../../../src-main/hosts/http/requestPolicy.js';
import type { RouteKind } from '../../../../src-main/hosts/http/requestTarget.js';

// The policy is pure: each row is one request and the verdict it must get.
const host = { port: 4000, token: 'T'.repeat(32) };
const own = 'http://127.0.0.1:4000';
const cookie = `mm_token_4000=${host.token}`;

function request(route: RouteKind, method: string, headers: IncomingHttpHeaders, query = ''): PolicyRequest {
  return { route, method, headers: { host: '127.0.0.1:4000', ...headers }, query: new URLSearchParams(query) };
}
const verdict = (r: PolicyRequest) => {
  const v = requestPolicy(r, host);
  return v.allowed ? 'allowed' : v.status;
};

const windowCall = {
  origin: own,
  'sec-fetch-site': 'same-origin',
  'sec-fetch-mode': 'cors',
  'content-type': 'application/json',
  cookie,
  'x-micromoment-token': host.token,
};

describe('requestPolicy', () => {
  it.each<[string, PolicyRequest, 'allowed' | number]>([
    ["the window's API call", request('api-call', 'POST', windowCall), 'allowed'],
    [
      "a program's API call (Bearer, no browser headers)",
      request('api-call', 'POST', { 'content-type': 'application/json', authorization: `Bearer ${host.token}` }),
      'allowed',
    ],
    ['an API call with a foreign Host', request('api-call', 'POST', { ...windowCall, host: 'evil.example:4000' }), 403],
    [
      'an API call from another port',
      request('api-call', 'POST', { ...windowCall, origin: 'http://127.0.0.1:4001', 'sec-fetch-site': 'same-site' }),
      403,
    ],
    ['an API call with Origin null', request('api-call', 'POST', { ...windowCall, origin: 'null' }), 403],
    [
      'an API call, same-site, no Origin',
      request('api-call', 'POST', { ...windowCall, origin: undefined, 'sec-fetch-site': 'same-site' }),
      403,
    ],
    ['an API call as text/plain', request('api-call', 'POST', { ...windowCall, 'content-type': 'text/plain' }), 415],
    ['an API call with the cookie only', request('api-call', 'POST', { ...windowCall, 'x-micromoment-token': undefined }), 403],
    ['an API call with ?token= only', request('api-call', 'POST', { 'content-type': 'application/json' }, `token=${host.token}`), 403],
    ['an API call without a token', request('api-call', 'POST', { 'content-type': 'application/json' }), 401],
    ['an API call with GET', request('api-call', 'GET', windowCall), 405],
    [
      "the window's EventSource",
      request('events', 'GET', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', cookie }),
      'allowed',
    ],
    [
      "another page's EventSource",
      request('events', 'GET', { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:4001', cookie }),
      403,
    ],
    ['a POST to the events', request('events', 'POST', { cookie }), 405],
    [
      "the window's <video>",
      request('media', 'GET', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'video', cookie }),
      'allowed',
    ],
    [
      "another page's <video>",
      request('media', 'GET', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'video', cookie }),
      403,
    ],
    [
      'a link from another page to media',
      request('media', 'GET', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', cookie }),
      403,
    ],
    ['TRACE on media', request('media', 'TRACE', { cookie }), 405],
    [
      'the printed URL opened',
      request(
        'page',
        'GET',
        { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
        `token=${host.token}`,
      ),
      'allowed',
    ],
    [
      'a link from another page to the window',
      request('page', 'GET', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', cookie }),
      'allowed',
    ],
    [
      'another page framing the window',
      request('page', 'GET', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe', cookie }),
      403,
    ],
    [
      "another page fetching the window's page",
      request('page', 'GET', { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors', origin: 'http://127.0.0.1:4001', cookie }),
      403,
    ],
    [
      "another page posting a form to the window's page",
      request('page', 'POST', {
        'sec-fetch-site': 'same-site',
        'sec-fetch-mode': 'navigate',
        'sec-fetch-dest': 'document',
        origin: 'http://127.0.0.1:4001',
        cookie,
      }),
      403,
    ],
    ['a page without a token', request('page', 'GET', {}), 401],
  ])('%s → %s', (_name, r, expected) => {
    expect(verdict(r)).toBe(expected);
  });

  it('says what is wrong and what to do', () => {
    const refusals = [
      requestPolicy(request('api-call', 'POST', { ...windowCall, 'content-type': 'text/plain' }), host),
      requestPolicy(request('api-call', 'POST', { ...windowCall, 'x-micromoment-token': undefined }), host),
      requestPolicy(request('api-call', 'POST', { ...windowCall, origin: 'null' }), host),
      requestPolicy(request('page', 'GET', {}), host),
    ];
    expect(refusals.map((v) => (v.allowed ? '' : v.reason))).toEqual([
      expect.stringMatching(/must be sent as application\/json \(this one was sent as text\/plain\)/),
      expect.stringMatching(/must carry the token in the X-Micromoment-Token header/),
      expect.stringMatching(/opaque origin \(Origin: null\)/),
      expect.stringMatching(/open the URL printed by `micromoment serve`/),
    ]);
  });

  it('is pure: the same request gets the same verdict', () => {
    const r = request('api-call', 'POST', windowCall);
    expect(requestPolicy(r, host)).toEqual(requestPolicy(r, host));
  });
});
