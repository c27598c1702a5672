// Addresses as the echo server sees them: an IPv4 peer on a dual-stack socket shows as
// ::ffff:a.b.c.d; every table and every probe uses the plain form.
export function plainIp(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
