/**
 * Makes sure the end-to-end tests have a Chromium: Playwright's own or the system's. Where there is none,
 * gets one (Debian's `chromium` as root on Debian, else `npx playwright install chromium`), saying so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { findChromium } from '../e2e/chromium';

function sh(command: string, args: string[]) {
  execFileSync(command, args, { stdio: 'inherit' });
}

let chromium = findChromium();
if (!chromium) {
  const isRoot = process.getuid?.() === 0;
  try {
    if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
      console.log(
        "No Chromium found: installing Debian's chromium package (apt-get update; apt-get install -y chromium).",
      );
      sh('apt-get', ['update', '-qq']);
      sh('apt-get', ['install', '-y', '-qq', 'chromium']);
    } else {
      console.log('No Chromium found: running `npx playwright install chromium`.');
      sh('npx', ['playwright', 'install', 'chromium']);
    }
  } catch {
    // Reported below.
  }
  chromium = findChromium();
}

if (!chromium) {
  console.error(
    'No Chromium for the end-to-end tests, and none could be installed: as root on Debian run `apt-get install chromium`, elsewhere `npx playwright install chromium`, or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
console.log(`Chromium for end-to-end tests: ${chromium}`);
