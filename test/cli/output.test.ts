// Errors as one translated line, with inert params and the right message variant.
import { describe, expect, it } from 'vitest';
import { errorLine } from '../../src/cli/output.js';
import { exitCodeFor, EXIT } from '../../src/cli/exit-codes.js';
import { ERROR_CODES, toErrorData, EngineError } from '../../src/api/errors.js';

describe('errorLine', () => {
  it('translates the code with its params', () => {
    const e = { code: 'E_PUBLIC_TARGET' as const, params: { target: '8.8.8.8', spec: '8.8.8.8' }, message: 'x' };
    expect(errorLine(e, 'en')).toMatch(/^8\.8\.8\.8 is a public address/);
    expect(errorLine(e, 'nl')).toMatch(/^8\.8\.8\.8 is een publiek adres/);
  });

  it('picks the variant that fits the params', () => {
    const soft = { code: 'E_TARGET_TOO_LARGE' as const, params: { count: 16777216, limit: 65536, force: false }, message: 'x' };
    const hard = { ...soft, params: { count: 33554432, limit: 16777216, force: true } };
    expect(errorLine(soft, 'en')).toContain('more than a /16 (65536): narrow them, or add --force');
    expect(errorLine(hard, 'en')).toContain('not even with --force');
    expect(errorLine({ code: 'E_NO_TARGETS', params: { interface: 'eth9' }, message: 'x' }, 'nl')).toContain('Interface eth9 heeft geen');
  });

  it('never puts a raw control character on the terminal, and fills missing params', () => {
    const line = errorLine({ code: 'E_BAD_TARGET', params: { target: 'x\x1b[2J\u202ey' }, message: 'x' }, 'en');
    expect(line).toContain('"x\\x1b[2J\\u{202e}y" is not a target');
    // eslint-disable-next-line no-control-regex -- control characters are what this test is about
    expect(line).not.toMatch(/[\x00-\x1f\u202e]/);
    expect(errorLine({ code: 'E_INTERNAL', params: {}, message: 'boom\nat x' }, 'en')).toBe(
      'Internal error: boom\\x0aat x. Please report it (run with GHOSTCALL_DEBUG=1 for details).');
    expect(errorLine(toErrorData(new TypeError('oops')), 'en')).toContain('Internal error: oops');
    expect(errorLine(new EngineError('E_PUBLIC_TARGET', 'm').toData(), 'en')).toMatch(/^\? is a public address/);
  });
});

describe('exit codes', () => {
  it('maps every engine error code to a documented exit code', () => {
    const documented = new Set<number>(Object.values(EXIT));
    for (const code of ERROR_CODES) expect(documented.has(exitCodeFor(code)), code).toBe(true);
    expect(exitCodeFor('E_PUBLIC_TARGET')).toBe(2);
    expect(exitCodeFor('E_TARGET_TOO_LARGE')).toBe(2);
    expect(exitCodeFor('E_BAD_TARGET')).toBe(2);
    expect(exitCodeFor('E_NETWORK')).toBe(3);
    expect(exitCodeFor('E_FILE')).toBe(4);
    expect(exitCodeFor('E_CANCELLED')).toBe(130);
    expect(exitCodeFor('E_INTERNAL')).toBe(70);
  });
});
