// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most
// self time, and per package the self time (code of that package on top of the
// stack) and the inclusive time (that package anywhere on the stack).
//
//   node bench/profile-summary.js CPU.….cpuprofile [--last 10] [--top 25]
//
// --last N keeps only the last N seconds of samples (e.g. the load, not the
// start-up before it). Percentages are of the busy samples (all but "(idle)").
const { readFileSync } = require('node:fs');

function main(argv) {
  const file = argv.find((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!file) {
    console.error(
      'usage: node bench/profile-summary.js FILE.cpuprofile [--last SECONDS] [--top N]',
    );
    return 1;
  }
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i === -1 ? fallback : Number(argv[i + 1]);
  };
  const lastSeconds = option('--last', Infinity);
  const top = option('--top', 25);

  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }

  // Sample i took timeDeltas[i + 1] µs (the delta before the next one); the last gets the mean.
  const { samples, timeDeltas } = profile;
  const times = [];
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i];
    times.push(at);
  }
  const from = profile.endTime - lastSeconds * 1e6;
  const mean = (profile.endTime - profile.startTime) / Math.max(1, samples.length);

  const selfByFunction = new Map();
  const selfByPackage = new Map();
  const inclusiveByPackage = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  let busy = 0;
  let idle = 0;
  let first = Infinity;
  for (let i = 0; i < samples.length; i++) {
    if (times[i] < from) continue;
    first = Math.min(first, times[i]);
    const us = i + 1 < samples.length ? timeDeltas[i + 1] : mean;
    const leaf = nodes.get(samples[i]);
    if (leaf.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    add(selfByFunction, functionLabel(leaf.callFrame), us);
    add(selfByPackage, packageOf(leaf.callFrame), us);
    const seen = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const pkg = packageOf(nodes.get(id).callFrame);
      if (!seen.has(pkg)) {
        seen.add(pkg);
        add(inclusiveByPackage, pkg, us);
      }
    }
  }

  const ms = (us) => `${(us / 1000).toFixed(0)} ms`;
  const pct = (us) => `${((100 * us) / busy).toFixed(1)}%`;
  const print = (title, map, limit) => {
    console.log(`\n${title}`);
    const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, limit);
    for (const [key, us] of rows) {
      console.log(`${pct(us).padStart(6)}  ${ms(us).padStart(8)}  ${key}`);
    }
  };
  console.log(
    `${file}\nwindow ${((profile.endTime - Math.min(first, profile.endTime)) / 1e6).toFixed(1)} s: ` +
      `busy ${ms(busy)}, idle ${ms(idle)} (percentages are of busy time)`,
  );
  print(`top ${top} functions by self time`, selfByFunction, top);
  print('self time by package', selfByPackage, top);
  print('inclusive time by package (anywhere on the stack)', inclusiveByPackage, top);
  return 0;
}

function functionLabel({ functionName, url, lineNumber }) {
  const name = functionName || '(anonymous)';
  if (!url) return name;
  return `${name}  ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url) {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules !== -1) return path.slice(inModules + '/node_modules/'.length);
  const inDist = path.indexOf('/dist/');
  return inDist === -1 ? path : path.slice(inDist + 1);
}

/** node_modules package, "tessera (dist)", "node (internals)" or "(V8/native)". */
function packageOf({ functionName, url }) {
  if (!url) {
    return /^\((program|garbage collector|root)\)$/.test(functionName)
      ? functionName
      : '(V8 builtins/native)';
  }
  if (url.startsWith('node:')) return 'node (internals)';
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(url);
  if (match) return match[1];
  if (url.includes('/dist/')) return 'tessera (dist)';
  return url;
}

process.exitCode = main(process.argv.slice(2));
