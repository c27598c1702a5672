// readConfigFiles over the repo's own fixtures: every fixture parses to the
// values written out in expected.ts, provenance names the parameter, defaults
// are flagged, bad files get a per-file E_PARSE.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigFiles } from '../../src/config/offline.js';
import { ConfigFileResultSchema } from '../../src/api/contract.js';
import { CASES } from './expected.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'phone-configs');
const read = (f: string) => ({ name: f, content: readFileSync(join(FIXTURES, f), 'utf8') });

describe('readConfigFiles: repo fixtures', () => {
  it('has an expectation for every fixture outside malformed/', () => {
    const files = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'malformed')
      .flatMap((d) => readdirSync(join(FIXTURES, d.name)).map((f) => `${d.name}/${f}`));
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
  });

  for (const c of CASES) {
    it(`${c.file} → ${c.vendor} (${c.format})`, () => {
      const [r] = readConfigFiles({ files: [read(c.file)], lang: 'en' });
      expect(ConfigFileResultSchema.parse(r)).toBeTruthy();
      expect(r!.error).toBeNull();
      expect(r!.ok).toBe(true);
      expect(r!.vendor).toBe(c.vendor);
      expect(r!.format).toBe(c.format);
      const { provenance, ...config } = r!.config!;
      expect(config).toEqual(c.config);
      for (const [field, [parameter, defaulted]] of Object.entries(c.provenance)) {
        expect(provenance[field], field).toBeDefined();
        expect(provenance[field]!.parameter, field).toBe(parameter);
        expect(provenance[field]!.defaulted, field).toBe(defaulted);
        // A defaulted value cites the vendor document; a read one names the file.
        if (defaulted) expect(provenance[field]!.source).toMatch(/^https?:\/\//);
        else expect(provenance[field]!.source).toContain(c.file.split('/').pop()!.slice(0, 8));
      }
      // Every non-null top-level field says where it came from.
      for (const k of ['trustedServerOnly', 'directIpCalls', 'webProtocol', 'provisioningUrl', 'srtp', 'localSipPorts'] as const) {
        if (config[k] !== null) expect(provenance[k], k).toBeDefined();
      }
    });
  }
});

describe('readConfigFiles: bad input is a per-file error, never a throw', () => {
  it('malformed XML gives E_PARSE with the line', () => {
    const [r] = readConfigFiles({ files: [read('malformed/truncated-gs.xml')], lang: 'en' });
    expect(r!.ok).toBe(false);
    expect(r!.config).toBeNull();
    expect(r!.error!.code).toBe('E_PARSE');
    expect(r!.error!.params.line).toBe(6);
    expect(r!.error!.message).toMatch(/truncated-gs\.xml: malformed XML/);
  });

  it('an unknown file gives E_PARSE "unrecognised"', () => {
    const [r] = readConfigFiles({ files: [read('malformed/not-a-config.txt')], lang: 'en' });
    expect(r!.error!.code).toBe('E_PARSE');
    expect(r!.error!.message).toMatch(/unrecognised config format/);
  });

  it('one bad file does not stop the others', () => {
    const out = readConfigFiles({ files: [read('malformed/truncated-gs.xml'), read('snom/snom-safe.xml'), { name: 'empty.cfg', content: '' }], lang: 'en' });
    expect(out.map((r) => r.ok)).toEqual([false, true, false]);
    expect(out[2]!.error!.code).toBe('E_PARSE');
  });

  it('binary content (NUL bytes) is refused', () => {
    const [r] = readConfigFiles({ files: [{ name: 'x.bin', content: 'P34 = a\u0000\u0001\u0002' }], lang: 'en' });
    expect(r!.error!.code).toBe('E_PARSE');
    expect(r!.error!.message).toMatch(/binary/);
  });

  it('a line-format file that is mostly prose is not taken for a config', () => {
    const [r] = readConfigFiles({ files: [{ name: 'x.txt', content: 'P34 = a\nP35 = b\nP47 = c\nhello\nworld\nthis\nis\nprose\n' }], lang: 'en' });
    expect(r!.error!.code).toBe('E_PARSE');
    expect(r!.error!.params.line).toBe(4);
  });

  it('XML entities from a DTD are not expanded (no billion laughs)', () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><gs_provision><config><P47>&b;</P47></config></gs_provision>';
    const [r] = readConfigFiles({ files: [{ name: 'lol.xml', content: lol }], lang: 'en' });
    if (r!.ok) expect(r!.config!.accounts[0]?.registrar ?? '').not.toContain('aaaaaaaaaaaaaaaaaaaa');
    else expect(r!.error!.code).toBe('E_PARSE');
  });

  it('deeply nested XML is refused, not a stack overflow', () => {
    const deep = `<gs_provision>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</gs_provision>`;
    const [r] = readConfigFiles({ files: [{ name: 'deep.xml', content: deep }], lang: 'en' });
    expect(r!.error!.code).toBe('E_PARSE');
    expect(r!.error!.message).toMatch(/nested too deeply/);
  });

  it('a 2 MB value (one long word, a URL, credential-looking parameters) is read in linear time, not hung on', () => {
    // The redaction patterns once tried every start position of a long word: quadratic, ~30 min for 2 MB.
    const word = 'a'.repeat(2 * 1024 * 1024);
    const files = [
      { name: 'word.cfg', content: `#!version:1.0.0.1\nsip.trust_ctrl = 1\nauto_provision.server.url = ${word}\n` },
      { name: 'url.cfg', content: `#!version:1.0.0.1\nsip.trust_ctrl = 1\nauto_provision.server.url = http://${word}\n` },
      { name: 'query.cfg', content: `#!version:1.0.0.1\nsip.trust_ctrl = 1\nauto_provision.server.url = ?${'pass'.repeat(512 * 1024)}\n` },
    ];
    const t0 = Date.now();
    const rs = readConfigFiles({ files, lang: 'en' });
    expect(Date.now() - t0).toBeLessThan(10_000);
    for (const r of rs) expect(r.ok, r.name).toBe(true);
  });

  it('a 2 MB line in a Cisco flat text or a Yealink [ section ] is read (or refused) in linear time', () => {
    const word = 'a'.repeat(2 * 1024 * 1024);
    const t0 = Date.now();
    const [cisco, yealink] = readConfigFiles({
      files: [
        { name: 'flat.txt', content: `Proxy_1_ "pbx.example.test" ;\nUser_ID_1_ "201" ;\nDisplay_Name_1_ "x" ; ${word} Line_Enable_1_ "Yes" ; a${' '.repeat(1024 * 1024)}b "c" ;\n` },
        { name: 'old.cfg', content: `[ account ]\npath = /config/voip/sipAccount0.cfg\nSIPServerHost = pbx.example.test\n[ a${' '.repeat(2 * 1024 * 1024)}b ]\nUserName = 201\n` },
      ],
      lang: 'en',
    });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(cisco!.ok).toBe(true);
    expect(cisco!.config!.accounts[0]).toMatchObject({ registrar: 'pbx.example.test', user: '201' });
    expect(yealink!.ok).toBe(true);
    expect(yealink!.config!.accounts[0]).toMatchObject({ registrar: 'pbx.example.test' });
  });

  it('an oversized file is refused', () => {
    const [r] = readConfigFiles({ files: [{ name: 'big.cfg', content: `sip.trust_ctrl = 1\n${'#'.repeat(6 * 1024 * 1024)}` }], lang: 'en' });
    expect(r!.error!.code).toBe('E_PARSE');
    expect(r!.error!.message).toMatch(/larger than/);
  });
});

describe('readConfigFiles: --vendor', () => {
  it('forces the vendor when the content has no signature', () => {
    // Two Yealink lines without the #!version header: too little for detection.
    const content = 'sip.trust_ctrl = 1\nfoo = bar\n';
    expect(readConfigFiles({ files: [{ name: 'a.cfg', content }], lang: 'en' })[0]!.ok).toBe(false);
    const [r] = readConfigFiles({ files: [{ name: 'a.cfg', content }], vendor: 'yealink', lang: 'en' });
    expect(r!.ok).toBe(true);
    expect(r!.config!.trustedServerOnly).toBe(true);
  });

  it('restricts detection to that vendor: a Snom file read as Grandstream fails clearly', () => {
    const [r] = readConfigFiles({ files: [read('snom/snom-safe.xml')], vendor: 'grandstream', lang: 'en' });
    expect(r!.ok).toBe(false);
    expect(r!.error!.code).toBe('E_PARSE');
    expect(r!.error!.message).toMatch(/not a grandstream config file/);
  });

  it('an unknown vendor is E_BAD_INPUT for every file', () => {
    const out = readConfigFiles({ files: [read('snom/snom-safe.xml')], vendor: 'acme', lang: 'en' });
    expect(out[0]!.error!.code).toBe('E_BAD_INPUT');
  });
});

describe('hostile values are kept inert', () => {
  it('control characters and bidi overrides are removed from kept strings', () => {
    const content = '#!version:1.0.0.1\naccount.1.sip_server.1.address = evil\u001b[31m\u202eexample\naccount.1.user_name = 1\n';
    const [r] = readConfigFiles({ files: [{ name: 'y.cfg', content }], lang: 'en' });
    expect(r!.config!.accounts[0]!.registrar).toBe('evil[31mexample');
  });
});

describe('Panasonic, Gigaset, Htek specifics', () => {
  const pana = (body: string) => `# Panasonic SIP Phone Standard Format File # DO NOT CHANGE THIS LINE!\n${body}`;

  it('Panasonic: a parameter given twice takes its first value (vendor rule)', () => {
    const [r] = readConfigFiles({ files: [{ name: 'p.cfg', content: pana('SIP_DETECT_SSAF_1="Y"\nSIP_DETECT_SSAF_1="N"\n') }], lang: 'en' });
    expect(r!.config!.trustedServerOnly).toBe(true);
    expect(r!.config!.provenance.trustedServerOnly).toMatchObject({ parameter: 'SIP_DETECT_SSAF_1', defaulted: false });
  });

  it('Panasonic: a line that is not NAME="value" is an E_PARSE with its line', () => {
    const [r] = readConfigFiles({ files: [{ name: 'p.cfg', content: pana('SIP_AUTHID_1="1"\nSIP_PASS_1 = "CANARY-x-9"\n') }], lang: 'en' });
    expect(r!.error!.code).toBe('E_PARSE');
    expect(r!.error!.params.line).toBe(3);
    expect(JSON.stringify(r)).not.toContain('CANARY');
  });

  it('Panasonic: a line over 537 bytes is ignored, as the phone ignores it', () => {
    const long = `SIP_DETECT_SSAF_1="Y${'x'.repeat(600)}"`;
    const [r] = readConfigFiles({ files: [{ name: 'p.cfg', content: pana(`${long}\nSIP_DETECT_SSAF_1="N"\n`) }], lang: 'en' });
    expect(r!.config!.trustedServerOnly).toBe(false);
    expect(r!.config!.provenance.trustedServerOnly!.defaulted).toBe(false);
  });

  it('Panasonic: without the standard header the file is not taken for Panasonic', () => {
    const [r] = readConfigFiles({ files: [{ name: 'p.cfg', content: 'SIP_AUTHID_1="1"\n' }], vendor: 'panasonic', lang: 'en' });
    expect(r!.error!.message).toMatch(/not a panasonic config file/);
  });

  it('Gigaset: a <ProviderFrame> without <Provider> settings is refused', () => {
    const [r] = readConfigFiles({ files: [{ name: 'g.xml', content: '<ProviderFrame><Other/></ProviderFrame>' }], lang: 'en' });
    expect(r!.error!.message).toMatch(/no Gigaset settings/);
  });

  it('Htek: a secret P-value without a para name never reaches the output', () => {
    const content = '<hl_provision version="1"><config version="1"><P47>pbx.example.test</P47><P34>CANARY-TEST-999</P34><P35>1</P35></config></hl_provision>';
    const [r] = readConfigFiles({ files: [{ name: 'h.xml', content }], lang: 'en' });
    expect(r!.config!.accounts).toEqual([{ registrar: 'pbx.example.test', user: '1', transport: null }]);
    expect(JSON.stringify(r)).not.toContain('CANARY');
  });
});
