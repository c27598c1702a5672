// Progress on a non-terminal stderr: throttled plain lines, one per phase change, inert messages.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { translator } from '../../src/i18n/index.js';

function sink() {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean };
  let text = '';
  s.on('data', (c: Buffer) => { text += c.toString(); });
  return { stream: s as unknown as NodeJS.WriteStream, text: () => text };
}
const base = { t: translator('en', 'cli'), tc: translator('en', 'common') };
const ev = (phase: 'sweep' | 'http', done: number, message?: string) => ({ phase, done, total: 100, found: 2, elapsedMs: 5, ...(message ? { message } : {}) });

describe('progress off a terminal', () => {
  it('prints a line per phase change, throttled within a phase', () => {
    const out = sink();
    const p = createProgress({ ...base, stream: out.stream, quiet: false, plainEveryMs: 60_000 });
    for (let i = 1; i <= 50; i++) p.onProgress(ev('sweep', i));
    p.onProgress(ev('http', 1, 'GET \x1b[2J/'));
    p.stop();
    p.onProgress(ev('sweep', 99)); // late events after stop (Ctrl-C) print nothing
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[SIP sweep\] 1\/100 \| found: 2 \| \d+\.\d s$/);
    expect(lines[1]).toContain('[web UIs] 1/100');
    expect(lines[1]).toContain('GET \\x1b[2J/');
    // eslint-disable-next-line no-control-regex -- control characters are what this test is about
    expect(out.text()).not.toMatch(/\x1b/);
  });

  it('prints nothing with --quiet', () => {
    const out = sink();
    const p = createProgress({ ...base, stream: out.stream, quiet: true });
    p.onProgress(ev('sweep', 1));
    p.stop();
    expect(out.text()).toBe('');
  });
});
