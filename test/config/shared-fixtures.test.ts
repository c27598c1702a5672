// The real public config files in ../shared/fixtures/phone-configs (when that
// folder exists; a fresh clone does not need it): every file of a supported
// vendor parses, the others get a clean E_PARSE, and the security settings of
// the real files come out as VENDOR-SETTINGS.md describes them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigFiles } from '../../src/config/offline.js';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'phone-configs');
const present = existsSync(join(SHARED, 'manifest.json'));

function read(file: string) {
  // Latin-1: some vendor templates carry non-UTF-8 bytes in comments.
  return readConfigFiles({ files: [{ name: file, content: readFileSync(join(SHARED, file), 'latin1') }], lang: 'en' })[0]!;
}

describe.skipIf(!present)('real config files (../shared)', () => {
  const manifest = present ? (JSON.parse(readFileSync(join(SHARED, 'manifest.json'), 'utf8')) as { file: string }[]) : [];
  const unsupported = /^(aastra|audiocodes)\//; // vendors without a reader (yet)

  it('every file of a supported vendor parses; the others are a clean E_PARSE', () => {
    expect(manifest.length).toBeGreaterThan(20);
    for (const { file } of manifest) {
      const r = read(file);
      if (unsupported.test(file)) expect(r.error?.code, file).toBe('E_PARSE');
      else expect(r.error, file).toBeNull();
    }
  });

  it('Yealink T38G template: trust_ctrl=1, direct IP calls off, provisioning URL', () => {
    const c = read('yealink/t38g-common-y000000000038.cfg').config!;
    expect(c.trustedServerOnly).toBe(true);
    expect(c.directIpCalls).toBe(false);
    expect(c.provisioningUrl).toBe('http://phoneconfig.ci.local');
    expect(c.provenance.trustedServerOnly).toMatchObject({ parameter: 'sip.trust_ctrl', defaulted: false });
  });

  it('Yealink T46G: account, listen port, UDP, trust_ctrl defaulted', () => {
    const c = read('yealink/t46g-common-y000000000028.cfg').config!;
    expect(c.accounts).toEqual([{ registrar: '172.16.81.2', user: null, transport: 'udp' }]);
    expect(c.localSipPorts).toEqual([5060]);
    expect(c.webProtocol).toBe('both');
    expect(c.provenance.trustedServerOnly).toMatchObject({ defaulted: true });
  });

  it('Yealink bootstrap: provisioning URL without the credentials and the tenant token', () => {
    expect(read('yealink/bootstrap-y000000000000.cfg').config!.provisioningUrl).toBe('http://prov.provider.example/phoneprov/***/');
  });

  it('Grandstream GXP16xx: direct IP calls disabled (P1310=1), local ports of both accounts, TFTP provisioning', () => {
    const c = read('grandstream/gxp16xx-cfg000b828c8f97.xml').config!;
    expect(c.directIpCalls).toBe(false);
    expect(c.localSipPorts).toEqual([16201, 16021]);
    expect(c.mac).toBe('00:0b:82:8c:8f:97');
    expect(c.provisioningUrl).toBe('tftp://10.20.31.10');
  });

  it('Cisco SPA2102 flat profile: model from the schema URL, IP dialling on', () => {
    const c = read('cisco/linksys-spa2102-ata-flat-profile-sipxecs.cfg').config!;
    expect(c.model).toBe('SPA2102');
    expect(c.directIpCalls).toBe(true);
    expect(c.accounts[0]).toEqual({ registrar: 'sipfoundry.org', user: 'juser', transport: null });
  });

  it('Polycom sipXecs phone file: two lines over TCP', () => {
    const c = read('polycom/sip3x-phone.cfg.xml').config!;
    expect(c.accounts.map((a) => a.transport)).toEqual(['tcp', 'tcp']);
  });

  it('Fanvil generated XML: two accounts, provisioning server', () => {
    const c = read('fanvil/voip-config-file-xml-generated-001122334455.xml').config!;
    expect(c.accounts.map((a) => a.user)).toEqual(['1001', '1002']);
    expect(c.provisioningUrl).toBe('https://example.com/app/provision');
  });
});
