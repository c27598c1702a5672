#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install).

// Keep V8's young generation at its initial size (1 MB semi-spaces) instead of letting
// it grow to 2×16 MB while ~300 modules load and a scan runs: ~15 MB less peak RSS for a
// short-lived CLI, no measurable time cost (bench/results/discovery.md). Read by V8
// at each growth step, so setting it here, before anything loads, takes effect.

import('../dist/src/cli/main.js').then((m) => m.main(process.argv)).catch((err) => {
  process.stderr.write(`ghostcall: ${err && err.message ? err.message : String(err)}\n`);
  process.exit(70);
});
