// The web credentials file: read from a file only, its content never in an error,
// and an edited file is seen by a long-lived engine (the desktop app scans again).
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialsFor, loadCredentials } from '../../src/config/web/credentials.js';

const dir = mkdtempSync(join(tmpdir(), 'gc-creds-'));

describe('credentials file', () => {
  it('an edited file is read again, not served from the cache', () => {
    const file = join(dir, 'creds.json');
    writeFileSync(file, JSON.stringify([{ host: '*', username: 'admin', password: 'old-secret' }]));
    expect(credentialsFor(loadCredentials(file), '10.0.0.5', 'yealink')).toEqual([{ username: 'admin', password: 'old-secret' }]);
    writeFileSync(file, JSON.stringify([{ host: '10.0.0.5', username: 'admin', password: 'the-new-secret' }]));
    utimesSync(file, new Date(), new Date(Date.now() + 5000)); // a distinct mtime even on coarse clocks
    expect(credentialsFor(loadCredentials(file), '10.0.0.5', 'yealink')).toEqual([{ username: 'admin', password: 'the-new-secret' }]);
  });

  it('a malformed file is an E_PARSE that never quotes its content', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '[{"host": "*", "username": "admin", "password": "CANARY-CREDS-1"');
    let err: unknown;
    try { loadCredentials(file); } catch (e) { err = e; }
    expect(err).toMatchObject({ code: 'E_PARSE' });
    expect(JSON.stringify(err) + String(err)).not.toContain('CANARY-');
  });
});
