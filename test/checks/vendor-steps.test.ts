// The terminal shows a finding's remediation steps for the vendors of the devices
// it names, decided as the checks decide them (src/checks/evidence.ts): the
// fingerprint's vendor, else the MAC's when the fingerprint names no vendor we have steps for.
import { describe, expect, it } from 'vitest';
import { applyChecks } from '../../src/checks/evaluate.js';
import { deviceVendorKey } from '../../src/checks/evidence.js';
import { renderFindings } from '../../src/cli/commands/checks.js';
import { device, scanOf } from './fixtures.js';

// A banner naming a maker without a remediation table entry, on a Yealink MAC.
const odd = device('10.0.0.30', {
  fingerprint: { vendor: 'Acme Telecom', model: null, firmware: null, type: 'desk-phone', confidence: 0.5, evidence: [] },
});

describe('vendor of a device for remediation steps', () => {
  it('falls back to the MAC vendor when the fingerprint names no known vendor', () => {
    expect(deviceVendorKey(odd)).toBe('yealink');
    expect(deviceVendorKey({ ...odd, macRandomized: true })).toBeNull();
  });

  it('the checks CLI shows that vendor’s steps, as the finding ordered them', () => {
    const scan = applyChecks(scanOf([odd]), { lang: 'en', exceptions: [] });
    const withSteps = (scan.findings ?? []).filter((f) => f.devices.includes('10.0.0.30') && f.remediation.vendors.length > 0);
    expect(withSteps.length).toBeGreaterThan(0);
    for (const f of withSteps) expect(f.remediation.vendors[0]?.vendor).toBe('Yealink');
    const text = renderFindings(scan, 'en');
    expect(text).toMatch(/\n {4}Yealink: /);
    expect(text).not.toMatch(/\n {4}Grandstream: /);
  });
});
