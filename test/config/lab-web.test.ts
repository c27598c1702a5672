// The config readers against the lab's phone farm (real namespaces; run in the
// scanner namespace, which has no default route): each vendor web UI persona
// (lab/web/*.ts, backed by the repo fixtures) gives the access level and the
// config its real firmware would. Skipped (with the reason) when not root.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeLab, withLab } from '../helpers/lab.js';
import { REPO_ROOT } from '../../lab/farm/launch.js';
import type { Lab, LabPhone } from '../../lab/index.js';
import { ConfigReadSchema, type ConfigRead, type Device } from '../../src/api/result.js';
import { SNOM_LAB_LOGIN } from '../../lab/web/snom.js';

const READABLE = ['yealink-t46s', 'grandstream-gxp2170', 'grandstream-grp2612w', 'snom-d785', 'cisco-spa303', 'cisco-spa525g', 'poly-vvx450', 'fanvil-x303'];

function asDevice(p: LabPhone): Device {
  return {
    ip: p.ip, mac: p.mac, macVendor: null, macRandomized: false, sipAnswered: p.kind !== 'silent-vendor', sources: ['http'], sip: [], mdns: [],
    http: p.webs.map((w) => ({ port: w.port, tls: w.tls, status: 200, server: w.server, realm: null, authScheme: null, title: w.title, selfSignedCert: null, error: null })),
  };
}

async function readIn(lab: Lab, devices: Device[], opts: Record<string, unknown>): Promise<(ConfigRead | null)[]> {
  const r = await lab.exec([process.execPath, '--import', 'tsx', `${REPO_ROOT}/test/config/lab-read-device.ts`, JSON.stringify({ devices, opts: { timeoutMs: 3000, ...opts } })], { timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`lab-read-device failed (${r.code}): ${r.stderr}`);
  expect(r.stdout).not.toMatch(/CANARY-/);
  expect(r.stdout).not.toContain(SNOM_LAB_LOGIN.password);
  return (JSON.parse(r.stdout) as (ConfigRead | null)[]).map((x) => (x ? ConfigReadSchema.parse(x) : x));
}

describeLab('config readers against the phone farm', () => {
  const lab = withLab({ layout: 'small', mdns: false, peers: false });
  const phones = () => lab().phones.filter((p) => READABLE.includes(p.persona) && p.webs.length > 0);
  const by = (reads: (ConfigRead | null)[], persona: string) => phones().flatMap((p, i) => (p.persona === persona ? [reads[i]!] : []));

  it('the farm has a web UI for every vendor reader', () => {
    const vendors = new Set(phones().map((p) => p.vendor));
    for (const v of ['Yealink', 'Grandstream', 'Snom', 'Cisco', 'Poly']) expect(vendors, v).toContain(v);
    for (const p of ['cisco-spa303', 'cisco-spa525g', 'snom-d785', 'poly-vvx450', 'grandstream-grp2612w']) expect(phones().some((x) => x.persona === p), p).toBe(true);
  });

  it('without a password: open where the firmware is open, protected elsewhere', async () => {
    const reads = await readIn(lab(), phones().map(asDevice), {});
    for (const r of by(reads, 'cisco-spa303')) {
      expect(r.access).toBe('open');
      expect(r.exposures.map((e) => e.path)).toContain('/admin/spacfg.xml');
      expect(r.config).toMatchObject({ vendor: 'Cisco', trustedServerOnly: false, directIpCalls: true });
    }
    for (const persona of ['cisco-spa525g', 'snom-d785', 'poly-vvx450', 'yealink-t46s', 'grandstream-gxp2170', 'grandstream-grp2612w', 'fanvil-x303']) {
      for (const r of by(reads, persona)) {
        expect(r.access, persona).toBe('protected');
        expect(r.config, persona).toBeNull();
      }
    }
    const vvx = by(reads, 'poly-vvx450')[0]!;
    expect(vvx.webUi!.authScheme).toBe('digest');
  });

  it('--try-default-passwords opens the vendors with a factory login', async () => {
    const reads = await readIn(lab(), phones().map(asDevice), { tryDefaultPasswords: true });
    const want: Record<string, { scheme: string; vendor: string }> = {
      'cisco-spa525g': { scheme: 'digest', vendor: 'Cisco' },
      'poly-vvx450': { scheme: 'digest', vendor: 'Polycom' },
      'yealink-t46s': { scheme: 'form', vendor: 'Yealink' },
      'grandstream-gxp2170': { scheme: 'token', vendor: 'Grandstream' },
      'grandstream-grp2612w': { scheme: 'token', vendor: 'Grandstream' },
      'fanvil-x303': { scheme: 'form', vendor: 'Fanvil' },
    };
    for (const [persona, w] of Object.entries(want)) {
      for (const r of by(reads, persona)) {
        expect(r.access, persona).toBe('default-password');
        expect(r.webUi!.authScheme, persona).toBe(w.scheme);
        expect(r.config!.vendor, persona).toBe(w.vendor);
        if (w.vendor !== 'Fanvil') expect(r.config!.trustedServerOnly, persona).toBe(false); // no Fanvil parameter for it
      }
    }
    expect(by(reads, 'snom-d785')[0]!.access).toBe('protected'); // Snom has no factory HTTP login
  });

  it('credentials from a file; HTTPS with the farm\'s self-signed certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-labcred-'));
    const file = join(dir, 'creds.json');
    writeFileSync(file, JSON.stringify([{ host: '*', vendor: 'snom', ...SNOM_LAB_LOGIN }]));
    const snom = phones().filter((p) => p.persona === 'snom-d785');
    const [r] = await readIn(lab(), snom.map(asDevice), { credentialsFile: file });
    expect(r!.access).toBe('credentials');
    expect(r!.webUi!.authScheme).toBe('basic');
    expect(r!.config).toMatchObject({ vendor: 'Snom', localSipPorts: [5070] });

    const vvx = phones().find((p) => p.persona === 'poly-vvx450' && p.webs.some((w) => w.tls))!;
    const tlsOnly = { ...asDevice(vvx), http: asDevice(vvx).http.filter((h) => h.tls) };
    const [t] = await readIn(lab(), [tlsOnly], { tryDefaultPasswords: true });
    expect(t!.webUi).toMatchObject({ tls: true, selfSignedCert: true });
    expect(t!.access).toBe('default-password');
  });
});
