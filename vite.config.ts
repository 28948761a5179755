import { defineConfig, type PluginOption } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * One source, two builds: `vite build` → dist/ for Chromium, `vite build --mode firefox` →
 * dist-firefox/. Firefox MV3 has no service workers in extensions, so its background runs the
 * same module as an event page (`background.scripts`), and AMO needs a gecko id.
 */
function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  if (browser === 'chrome') return baseManifest as ManifestV3Export;
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: 'fineprint@fineprint.example',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      crx({
        manifest: manifestFor(browser),
        browser,
        // The content script runs on every page: one self-contained file, no loader and no
        // web-accessible resources that pages could use to fingerprint the extension.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }) as PluginOption,
    ],
    build: {
      outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
    },
    server: { port: 5173, strictPort: true },
  };
});
