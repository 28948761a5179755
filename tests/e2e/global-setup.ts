/** Before the real-browser suite: the extension must be built and Chromium present. */
import { existsSync } from 'node:fs';
import { DIST_DIR } from '../harness/extension';
import { chromiumPath } from '../harness/chromium';

export default function setup(): void {
  if (!existsSync(`${DIST_DIR}manifest.json`)) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you).');
  }
  chromiumPath();
}
