import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The renderer is a static bundle loaded from file:// by Electron (base './').
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
  },
});
