// Dotted firmware versions as phones report them: "66.86.0.15", "1.0.4.152",
// "7.5.7(6)", "11.3.7SR1", "sip88xx.11-3-7". Numbers are compared in order; a
// version that runs out first is older ("11.3.7" < "11.3.7SR1"). Hand-written: semver
// packages reject four-part and parenthesised versions.

const MODEL_PREFIX = /^\s*[A-Za-z]{2,}\d*[A-Za-z]*\./;

/** The numeric components, or null when the string has none. */
export function versionParts(v: string): number[] | null {
  // A leading image name carries the model, not the version: "sip78xx.14-2-1", "SIP45.9-4-2SR3-1S".
  const parts = v.replace(MODEL_PREFIX, '').match(/\d+/g);
  if (!parts || parts.length === 0) return null;
  return parts.slice(0, 12).map((p) => Number(p.slice(0, 9)));
}

/** -1 / 0 / 1, or null when either side is not a version. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 | null {
  const pa = versionParts(a);
  const pb = versionParts(b);
  if (!pa || !pb) return null;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
