import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../../../src-main/hosts/http/requestTarget.js';
import { withTokenMeta } from '../../../../src-main/hosts/http/pageToken.js';

const origin = 'http://127.0.0.1:4000';

describe('parseTarget', () => {
  it('routes a path by its prefix, decoding the method name', () => {
    expect(parseTarget('/api/call/library.get', origin)).toMatchObject({ ok: true, route: { kind: 'api-call', method: 'library.get' } });
    expect(parseTarget('/api/call/a%2Fb', origin)).toMatchObject({ ok: true, route: { kind: 'api-call', method: 'a/b' } });
    expect(parseTarget('/api/events', origin)).toMatchObject({ ok: true, route: { kind: 'events' } });
    expect(parseTarget('/media/original/3', origin)).toMatchObject({ ok: true, route: { kind: 'media' } });
    expect(parseTarget('/?token=x#/review/3', origin)).toMatchObject({ ok: true, route: { kind: 'page' } });
    expect(parseTarget('/api%2Fcall/x', origin)).toMatchObject({ ok: true, route: { kind: 'page' } });
  });

  it('keeps our host whatever the path says', () => {
    const parsed = parseTarget('//evil.example/api/events', origin);
    expect(parsed.ok && parsed.url.host).toBe('127.0.0.1:4000');
    expect(parsed).toMatchObject({ ok: true, route: { kind: 'page' } });
  });

  it.each([undefined, '', '*', 'http://evil.example/', 'http://[/', '/api/call/%E0%A4%A', '/%', '/media/%zz'])(
    'refuses %s with 400 and a reason',
    (target) => {
      const parsed = parseTarget(target, origin);
      expect(parsed).toMatchObject({ ok: false, status: 400, reason: expect.stringMatching(/path|percent-encoding/) });
    },
  );
});

describe('withTokenMeta', () => {
  it('puts the token first in <head>, or after the doctype when there is none', () => {
    expect(withTokenMeta('<!doctype html><html><head><title>x</title></head></html>', 'abc')).toBe(
      '<!doctype html><html><head><meta name="micromoment-token" content="abc" /><title>x</title></head></html>',
    );
    expect(withTokenMeta('<HEAD lang="en"><title>x</title>', 'abc')).toBe(
      '<HEAD lang="en"><meta name="micromoment-token" content="abc" /><title>x</title>',
    );
    expect(withTokenMeta('<!doctype html><title>x</title>', 'abc')).toBe(
      '<!doctype html><meta name="micromoment-token" content="abc" /><title>x</title>',
    );
    expect(withTokenMeta('<p>x', 'abc')).toBe('<meta name="micromoment-token" content="abc" /><p>x');
  });

  it('cannot be broken out of by a token given at start', () => {
    expect(withTokenMeta('<head>', '"><script>')).toBe('<head><meta name="micromoment-token" content="&#34;&#62;&#60;script&#62;" />');
  });
});
