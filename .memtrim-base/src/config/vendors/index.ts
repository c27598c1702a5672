// The vendor maps, by id.
import type { VendorId } from '../types.js';
import type { VendorMap } from './rules.js';
import { yealink } from './yealink.js';
import { grandstream } from './grandstream.js';
import { snom } from './snom.js';
import { cisco, ciscoEnterprise } from './cisco.js';
import { polycom } from './polycom.js';
import { fanvil } from './fanvil.js';
import { gigaset, gigasetPro } from './gigaset.js';
import { panasonic } from './panasonic.js';
import { htek } from './htek.js';

export const VENDOR_MAPS: Record<VendorId, VendorMap> = { yealink, grandstream, snom, cisco, polycom, fanvil, gigaset, panasonic, htek };

/** Maps for formats whose settings differ from their vendor's main map (FormatDef.map). */
export const FORMAT_MAPS: Record<string, VendorMap> = { ciscoEnterprise, gigasetPro };

export function mapFor(format: { vendor: VendorId; map?: string }): VendorMap {
  return (format.map && FORMAT_MAPS[format.map]) || VENDOR_MAPS[format.vendor];
}
