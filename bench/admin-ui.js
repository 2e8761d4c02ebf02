// `npm run bench:admin`: how fast the admin UI first renders, in Debian's
// headless Chromium against the production build on the embedded database,
// and how many bytes of JavaScript it loads for that. See bench/README.md.
const { once } = require('node:events');
const { existsSync, rmSync } = require('node:fs');
const { chromium } = require('playwright-core');
const { startLocalServer } = require('./local-server');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
];
const SAMPLES = 15;
const EMAIL = 'bench-admin@example.com';
const PASSWORD = 'bench-password-123';

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(`bench:admin needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return 1;
  }
  const { origin, dataDir, server } = await startLocalServer({
    user: { email: EMAIL, password: PASSWORD },
    prefix: 'tessera-bench-admin-',
  });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

    const signInPage = [];
    for (let i = 0; i < SAMPLES; i++) {
      signInPage.push(await firstRender(browser, `${origin}/admin/`, 'Sign in to Tessera'));
    }
    // Signed in: the projects list after a reload (the cookie renews the session first).
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/admin/sign-in`);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Projects' }).waitFor();
    const projectsReload = [];
    for (let i = 0; i < SAMPLES; i++) {
      await page.reload();
      await page.getByRole('heading', { name: 'Projects' }).waitFor();
      projectsReload.push(await timings(page));
    }
    await context.close();

    const rows = [
      summarize('sign-in page, empty cache', signInPage),
      summarize('projects page, reload (signed in)', projectsReload),
    ];
    console.table(rows);
    return 0;
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    await once(server, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One visit in a fresh context (nothing cached), until `heading` is on screen. */
async function firstRender(browser, url, heading) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: heading }).waitFor();
    return await timings(page);
  } finally {
    await context.close();
  }
}

/** Since navigation start: first contentful paint, the heading shown; and the JS bytes on the wire. */
function timings(page) {
  return page.evaluate(() => {
    // In the page: the browser's own clock and resource timings.
    const { performance } = globalThis;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'));
    return {
      fcp: paint ? paint.startTime : NaN,
      shown: performance.now(),
      jsBytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
      jsDecoded: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
    };
  });
}

function summarize(name, samples) {
  const median = (key) => {
    const sorted = samples.map((sample) => sample[key]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const worst = (key) => Math.max(...samples.map((sample) => sample[key]));
  return {
    page: name,
    samples: samples.length,
    'FCP median ms': Math.round(median('fcp')),
    'shown median ms': Math.round(median('shown')),
    'shown worst ms': Math.round(worst('shown')),
    'JS on the wire KB': Math.round(median('jsBytes') / 102.4) / 10,
    'JS decoded KB': Math.round(median('jsDecoded') / 102.4) / 10,
  };
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench:admin: ${error.stack ?? error}`);
    process.exit(1);
  },
);
