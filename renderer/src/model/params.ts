// The scan form's fields as the contract's ScanParams (the engine validates them).
import type { ScanParamsInput, Transport } from '../../../src/api/result.js';

export interface ScanFields {
  targets: string;
  ports: string;
  transports: Transport[];
  mdns: boolean;
  /** Echo endpoint URL for the external test; empty = not tested, nothing contacted. */
  reachEndpoint: string;
  ghostCallTest: boolean;
}

const list = (s: string): string[] => s.split(/[\s,]+/).filter(Boolean);

export function toParams(f: ScanFields): ScanParamsInput {
  const params: ScanParamsInput = { targets: list(f.targets), transports: f.transports, mdns: f.mdns, ghostCallTest: f.ghostCallTest };
  const ports = list(f.ports).map(Number);
  if (ports.length) params.ports = ports;
  const endpoint = f.reachEndpoint.trim();
  if (endpoint) params.reachEndpoint = endpoint;
  return params;
}
