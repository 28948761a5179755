/** Finds Debian's Chromium; the test command installs it when missing (scripts/test.sh). */
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it with `apt-get install -y chromium` (npm test does this ' +
        'automatically when run as root) or set CHROMIUM_PATH.',
    );
  }
  return found;
}
