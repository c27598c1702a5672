// Secrets never leave the reader: every fixture (repo and, when present, the
// shared real files) through every output path (readConfigFiles JSON, the CLI's
// text and JSON output) contains no CANARY- string and no planted secret value.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigFiles } from '../../src/config/offline.js';
import { redactParams, sanitizeProvisioningUrl, stripEmbeddedCredentials, isSecretParam } from '../../src/config/redact.js';
import { detectFormat } from '../../src/config/detect.js';

const REPO = join(import.meta.dirname, '..', 'fixtures', 'phone-configs');
const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'phone-configs');
const ROOT = join(import.meta.dirname, '..', '..');

function listFixtures(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).map((f) => join(root, d.name, f)));
}

/** The planted secrets of a file: its canaries (the values themselves, and the marker). */
function canaries(text: string): string[] {
  return [...new Set(text.match(/CANARY-[A-Za-z]+-\d+/g) ?? [])];
}

function assertClean(output: string, secrets: string[], where: string): void {
  expect(output, where).not.toMatch(/CANARY-/);
  for (const s of secrets) expect(output.includes(s), `${where}: ${s}`).toBe(false);
}

const sets = [{ name: 'repo', root: REPO, present: true }, { name: 'shared', root: SHARED, present: existsSync(SHARED) }];

for (const set of sets) {
  describe.skipIf(!set.present)(`no secret leaves the reader (${set.name} fixtures)`, () => {
    const files = set.present ? listFixtures(set.root) : [];
    const all = files.flatMap((f) => canaries(readFileSync(f, 'latin1')));

    it('the fixtures do plant canaries (the test can fail)', () => {
      expect(all.length).toBeGreaterThan(10);
    });

    it('readConfigFiles JSON, auto-detected and forced to every vendor', () => {
      const input = files.map((f) => ({ name: f, content: readFileSync(f, 'latin1') }));
      for (const vendor of [undefined, 'yealink', 'grandstream', 'snom', 'cisco', 'polycom', 'fanvil', 'gigaset', 'panasonic', 'htek']) {
        const out = JSON.stringify(readConfigFiles({ files: input, vendor, lang: 'en' }));
        assertClean(out, all, `vendor=${vendor ?? 'auto'}`);
      }
    });

    it('the CLI, text and --json', () => {
      for (const json of [[], ['--json']]) {
        let stdout = '';
        let stderr = '';
        try {
          stdout = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'run-config-cli.ts'), ...json, ...files], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (e) {
          const err = e as { stdout: string; stderr: string; status: number };
          stdout = err.stdout;
          stderr = err.stderr;
          expect(err.status).toBe(4); // some files are not configs we read (E_PARSE): exit 4, all still printed
        }
        expect(stdout.length).toBeGreaterThan(1000);
        assertClean(stdout + stderr, all, `cli ${json.join(' ')}`);
      }
    });
  });
}

describe('redaction units', () => {
  it('drops secret parameters by name (generic and per vendor)', () => {
    const names = ['account.1.password', 'security.user_password', 'Admin_Passwd', 'Password_1_', 'Register_Pswd', 'http_pass', 'static.auto_provision.aes_key_16.com', 'EncryptKey', 'SRTP_Private_Key_1_', 'SIP1 Media Key', 'PWD0', 'device.auth.localAdminPassword', '%SUBSCR_0_UA_DATA_AUTH_PASS%', 'sshPassword'];
    for (const n of names) expect(isSecretParam(n, 'yealink'), n).toBe(true);
    for (const p of ['P2', 'P34', 'P196', 'P406', 'P1361']) expect(isSecretParam(p, 'grandstream'), p).toBe(true);
    for (const n of ['sip.trust_ctrl', 'account.1.user_name', 'P35', 'P47', 'memorykey.1.value', 'Profile_Rule']) expect(isSecretParam(n, 'grandstream'), n).toBe(false);
  });

  it('drops the Gigaset, Panasonic and Htek secrets (by name and per vendor)', () => {
    const secret: [string, Parameters<typeof isSecretParam>[1]][] = [
      ['BS_IP_Data1.aucS_SIP_PASSWORD_2', 'gigaset'], ['S_SIP_PASSWORD', 'gigaset'], ['BS_CUSTOM.aucKdsPin[0]', 'gigaset'], ['WebUIAccounts.1.Password', 'gigaset'],
      ['SIP_PASS_1', 'panasonic'], ['ADMIN_PASS', 'panasonic'], ['CFG_FILE_KEY1', 'panasonic'],
      ['Account1.AuthenticatePassword', 'htek'], ['AdminPassword', 'htek'], ['P34', 'htek'], ['P734', 'htek'], ['P2', 'htek'], ['Account1.HotelingPassWord', 'htek'],
    ];
    for (const [n, v] of secret) expect(isSecretParam(n, v), `${v} ${n}`).toBe(true);
    const open: [string, Parameters<typeof isSecretParam>[1]][] = [
      ['BS_IP_Data1.aucS_SIP_REGISTRAR_1', 'gigaset'], ['SIP_DETECT_SSAF_1', 'panasonic'], ['SIP_SRC_PORT_1', 'panasonic'], ['CFG_STANDARD_FILE_PATH', 'panasonic'],
      ['Account1.Sipserver', 'htek'], ['P47', 'htek'], ['P35', 'htek'],
    ];
    for (const [n, v] of open) expect(isSecretParam(n, v), `${v} ${n}`).toBe(false);
  });

  it('strips URL userinfo, --key options and credential query values, remembering them', () => {
    const secrets = new Set<string>();
    expect(stripEmbeddedCredentials('http://u:p%40ss@h/x', secrets)).toBe('http://h/x');
    expect(stripEmbeddedCredentials('[--key abc123] https://h/a.cfg', secrets)).toBe('[--key ***] https://h/a.cfg');
    expect(stripEmbeddedCredentials('https://h/?mac=1&access_token=zz9&pwd=q', secrets)).toBe('https://h/?mac=1&access_token=***&pwd=***');
    expect([...secrets].sort()).toEqual(['abc123', 'p@ss', 'q', 'zz9']);
  });

  it('masks token-looking path segments of a provisioning URL, keeps scheme, host and path', () => {
    const s = new Set<string>();
    expect(sanitizeProvisioningUrl('https://user:pw@prov.example.test:8443/phoneprov/a8F3kd92LmQ/', s)).toBe('https://prov.example.test:8443/phoneprov/***/');
    expect(sanitizeProvisioningUrl('http://prov.example.test/app/provision/spa$MA.cfg', s)).toBe('http://prov.example.test/app/provision/spa$MA.cfg');
    expect(sanitizeProvisioningUrl('prov.example.test/gs_config/', s)).toBe('prov.example.test/gs_config/');
  });

  it('the Gigaset, Panasonic and Htek fixtures lose every planted secret in redactParams', () => {
    for (const f of ['gigaset/n510-unsafe-7c2f80aabbcc.xml', 'gigaset/c610-two-accounts.xml', 'gigaset/n870-safe-provisioning.xml', 'panasonic/kx-hdv-safe.cfg', 'htek/cfg0019-no-para.xml', 'htek/cfg001fc1aabbcc.xml']) {
      const text = readFileSync(join(REPO, f), 'utf8');
      const format = detectFormat(text)!;
      const raw = format.parse(text);
      const planted = [...raw.values()].filter((e) => e.value.includes('CANARY-')).length;
      expect(planted, f).toBeGreaterThan(1);
      const { params, secrets } = redactParams(raw, format.vendor);
      const left = [...params].filter(([, e]) => e.value.includes('CANARY-')).map(([k]) => k);
      expect(left, f).toEqual([]);
      expect(secrets.size, f).toBeGreaterThanOrEqual(planted);
    }
  });

  it('the raw map never leaves redactParams with a secret in it', () => {
    const raw = new Map([['account.1.password', { value: 'CANARY-x-1', line: 1 }], ['sip.trust_ctrl', { value: '1', line: 2 }]]);
    const { params, secrets } = redactParams(raw, 'yealink');
    expect([...params.keys()]).toEqual(['sip.trust_ctrl']);
    expect(secrets.has('CANARY-x-1')).toBe(true);
  });
});
