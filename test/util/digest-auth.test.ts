// RFC 2617 / RFC 7616 digest: the RFCs' own worked examples, and challenge parsing.
import { describe, expect, it } from 'vitest';
import { basicAuthorization, digestAuthorization, parseChallenges, digestSupported } from '../../src/util/digest-auth.js';

const field = (h: string, k: string) => new RegExp(`${k}="?([^",]*)"?`).exec(h)?.[1];

describe('digest-auth', () => {
  it('RFC 2617 section 3.5 example (MD5, qop=auth)', () => {
    const [challenge] = parseChallenges('Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    const h = digestAuthorization({ challenge: challenge!, method: 'GET', uri: '/dir/index.html', username: 'Mufasa', password: 'Circle Of Life', nc: 1, cnonce: '0a4f113b' });
    expect(field(h, 'response')).toBe('6629fae49393a05397450978507c4ef1');
    expect(field(h, 'opaque')).toBe('5ccc069c403ebaf9f0171e9517f40e41');
    expect(h).toContain('nc=00000001');
    expect(h).toContain('qop=auth');
  });

  const rfc7616 = (alg: string) =>
    `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${alg}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`;
  const input = { method: 'GET', uri: '/dir/index.html', username: 'Mufasa', password: 'Circle of Life', nc: 1, cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ' };

  it('RFC 7616 section 3.9.1 example, MD5', () => {
    const h = digestAuthorization({ ...input, challenge: parseChallenges(rfc7616('MD5'))[0]! });
    expect(field(h, 'response')).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('RFC 7616 section 3.9.1 example, SHA-256', () => {
    const h = digestAuthorization({ ...input, challenge: parseChallenges(rfc7616('SHA-256'))[0]! });
    expect(field(h, 'response')).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });

  it('parses several challenges in one header and quoted commas', () => {
    const cs = parseChallenges('Basic realm="a, b", Digest realm="x", nonce="n1", qop="auth", algorithm=SHA-256');
    expect(cs.map((c) => c.scheme)).toEqual(['basic', 'digest']);
    expect(cs[0]!.params.realm).toBe('a, b');
    expect(cs[1]!.params).toMatchObject({ realm: 'x', nonce: 'n1', algorithm: 'SHA-256' });
    expect(digestSupported(cs[1]!)).toBe(true);
    expect(digestSupported({ scheme: 'digest', params: { nonce: 'n', algorithm: 'SHA-1' } })).toBe(false);
  });

  it('without qop (RFC 2069 style) and with userhash', () => {
    const [c] = parseChallenges('Digest realm="r", nonce="n", userhash=true');
    const h = digestAuthorization({ challenge: c!, method: 'GET', uri: '/', username: 'u', password: 'p' });
    expect(h).not.toContain('qop=');
    expect(h).toContain('userhash=true');
    expect(field(h, 'username')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('basic', () => {
    expect(basicAuthorization('Polycom', '456')).toBe('Basic UG9seWNvbTo0NTY=');
  });
});
