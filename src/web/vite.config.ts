/**
 * The workbench's build: src/web → dist/web, every asset bundled (Leaflet's CSS and images,
 * the Natural Earth countries), nothing loaded from outside at run time.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // No inline scripts: the page's content security policy allows scripts from the server only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
