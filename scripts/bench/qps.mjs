// A second process that loads the simulator over loopback: `count` GETs with `concurrency` in flight,
// stopped after `timeMs` whatever is left. Each request gets its own search text so nothing is
// answered from a cache. Prints one JSON line: {requests, errors, seconds, qps, latency: {...}}.
//
//   node scripts/bench/qps.mjs '{"base":"http://127.0.0.1:4182","session":"...","path":"/zstack/v1/vm-instances/nics",
//                               "query":[["q","vmInstance.name~=%{text}%"],["limit","20"]],"count":400,"concurrency":4,"timeMs":6000}'
const spec = JSON.parse(process.argv[2] ?? '{}');
const { base, session, path, query, count = 400, concurrency = 4, timeMs = 6000 } = spec;

/** A VM-name fragment that matches 10 of vm-000001..vm-100000 (vm-0abcd0..9), different for each i. */
const text = (i) => `vm-0${String(1000 + ((i * 7919) % 8999)).padStart(4, '0')}`;

function url(i) {
  const params = new URLSearchParams();
  for (const [k, v] of query) params.append(k, v.replaceAll('{text}', text(i)));
  return `${base}${path}?${params}`;
}

const latencies = [];
let errors = 0;
let next = 0;
let deadline = Infinity;

async function worker() {
  while (next < count && performance.now() < deadline) {
    const i = next++;
    const s = performance.now();
    try {
      const res = await fetch(url(i), {
        headers: { Authorization: `OAuth ${session}`, Accept: 'application/json' },
      });
      const body = await res.text();
      if (!res.ok || !body.includes('inventories')) errors += 1;
      else latencies.push(performance.now() - s);
    } catch {
      errors += 1;
    }
  }
}

// one request first, outside the measurement: connection set-up and the engine's first-use costs
await fetch(url(count + 1), { headers: { Authorization: `OAuth ${session}` } }).then((r) => r.text());
const started = performance.now();
deadline = started + timeMs;
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
console.log(
  JSON.stringify({
    requests: latencies.length,
    errors,
    seconds,
    qps: latencies.length / seconds,
    latency: { p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: latencies[latencies.length - 1] ?? NaN },
  }),
);
