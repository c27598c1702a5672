const mods = process.argv.slice(2);
const mb = (n) => (n / 1048576).toFixed(1);
function snap(label) { gc(); gc(); const m = process.memoryUsage(); console.log(label.padEnd(50), 'rss', mb(m.rss), 'heap', mb(m.heapUsed), 'ext', mb(m.external)); }
snap('start');
for (const m of mods) {
  if (m === 'oui') { const o = await import('/work/main/dist/src/discover/oui.js'); o.macVendor('80:5e:c0:00:00:01'); snap('macVendor()'); continue; }
  await import(m.startsWith('dist') ? '/work/main/' + m : m); snap(m);
}
