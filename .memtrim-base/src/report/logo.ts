// The auditor's logo: a local PNG or JPEG only, size- and dimension-capped,
// handed to pdfmake as a data URL (so pdfmake never opens a path or URL itself).
import { open } from 'node:fs/promises';
import { EngineError } from '../api/errors.js';

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
/** PNGs are decoded by pdfkit (alpha split): cap the pixels so a tiny "bomb" file cannot eat memory. */
export const LOGO_MAX_SIDE = 4096;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function logoKind(buf: Buffer): 'png' | 'jpeg' | null {
  if (buf.length >= 24 && buf.subarray(0, 8).equals(PNG_MAGIC)) return 'png';
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  return null;
}

export async function loadLogo(file: string): Promise<string> {
  let buf: Buffer;
  try {
    const fh = await open(file, 'r');
    try {
      const st = await fh.stat();
      if (!st.isFile()) throw new EngineError('E_FILE', `logo is not a regular file: ${file}`, { file, detail: 'not a regular file' });
      if (st.size > LOGO_MAX_BYTES) throw new EngineError('E_FILE', `logo larger than ${LOGO_MAX_BYTES} bytes: ${file}`, { file, detail: `larger than ${LOGO_MAX_BYTES / 1024 / 1024} MB`, max: LOGO_MAX_BYTES });
      buf = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (err) {
    if (err instanceof EngineError) throw err;
    throw new EngineError('E_FILE', `cannot read logo ${file}: ${(err as Error).message}`, { file, detail: (err as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  const kind = logoKind(buf);
  if (!kind) throw new EngineError('E_FILE', `logo must be a PNG or JPEG file: ${file}`, { file, detail: 'the logo must be a PNG or JPEG file' });
  if (kind === 'png') {
    const w = buf.readUInt32BE(16);
    const h = buf.readUInt32BE(20);
    if (w === 0 || h === 0 || w > LOGO_MAX_SIDE || h > LOGO_MAX_SIDE) {
      throw new EngineError('E_FILE', `logo dimensions ${w}x${h} exceed ${LOGO_MAX_SIDE}px: ${file}`, { file, detail: `larger than ${LOGO_MAX_SIDE}x${LOGO_MAX_SIDE} pixels`, max: LOGO_MAX_SIDE });
    }
  }
  return `data:image/${kind};base64,${buf.toString('base64')}`;
}
