import { defineConfig, type PluginOption } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

/**
 * The annotator is injected with scripting.executeScript, which needs no web-accessible resource.
 * crxjs still lists it as one (and emits an unused module copy); a page could then probe for the
 * file to learn that Fineprint is installed. This removes both from the bundle.
 */
function keepAnnotatorPrivate(outDir: string): PluginOption {
  return {
    name: 'fineprint:keep-annotator-private',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (/^assets\/annotator\.ts-[\w-]+\.js$/.test(name)) delete bundle[name];
      }
    },
    // crxjs writes the manifest after the bundle is generated, so edit the written file.
    closeBundle() {
      const path = resolve(outDir, 'manifest.json');
      if (!existsSync(path)) return;
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
        web_accessible_resources?: { resources: string[] }[];
      };
      const kept = manifest.web_accessible_resources
        ?.map((entry) => ({
          ...entry,
          resources: entry.resources.filter((r) => !r.startsWith('src/content/')),
        }))
        .filter((entry) => entry.resources.length > 0);
      if (kept?.length) manifest.web_accessible_resources = kept;
      else delete manifest.web_accessible_resources;
      writeFileSync(path, JSON.stringify(manifest, null, 2));
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = browser === 'firefox' ? 'dist-firefox' : 'dist';
  return {
    plugins: [
      crx({
        manifest: manifestFor(browser),
        browser,
        // The content script runs on every page: one self-contained file, no loader and no
        // web-accessible resources that pages could use to fingerprint the extension.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }) as PluginOption,
      keepAnnotatorPrivate(outDir),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
      // The background bundles the ~1.1 MB model on purpose: nothing is fetched at run time.
      chunkSizeWarningLimit: 1600,
    },
    server: { port: 5173, strictPort: true },
  };
});
