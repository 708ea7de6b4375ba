// Prints the median scores and metrics of bench/lighthouse.sh's reports, one row a page, and
// exits 1 when a median score is under its target.
//   node summarize.mjs REPORT_DIR PAGE...
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
const METRICS = [
  ['first-contentful-paint', 'FCP s', (v) => (v / 1000).toFixed(2)],
  ['largest-contentful-paint', 'LCP s', (v) => (v / 1000).toFixed(2)],
  ['total-blocking-time', 'TBT ms', (v) => v.toFixed(0)],
  ['cumulative-layout-shift', 'CLS', (v) => v.toFixed(3)],
  ['speed-index', 'SI s', (v) => (v / 1000).toFixed(2)],
  ['total-byte-weight', 'KiB', (v) => (v / 1024).toFixed(0)],
];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const [dir, ...pages] = process.argv.slice(2);
// Lighthouse's own measure of the machine's speed during the run (higher is faster): on a
// shared machine it shows how much other work slowed the page's main thread down.
const header = ['page', ...Object.keys(TARGETS), ...METRICS.map((m) => m[1]), 'bench index', 'LCP element'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
const misses = [];
for (const page of pages) {
  const name = page.replace(/[^a-zA-Z0-9]/g, '_');
  const reports = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}.`) && f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  const row = [page];
  for (const [category, target] of Object.entries(TARGETS)) {
    const score = Math.round(median(reports.map((r) => r.categories[category].score * 100)));
    row.push(score);
    if (score < target) misses.push(`${page}: ${category} ${score} < ${target}`);
  }
  for (const [id, , format] of METRICS) {
    row.push(format(median(reports.map((r) => r.audits[id].numericValue))));
  }
  row.push(Math.round(median(reports.map((r) => r.environment.benchmarkIndex))));
  const lcp = reports[0].audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  row.push(lcp ? '`' + (lcp.snippet || '').slice(0, 40).replace(/\|/g, '\\|') + '`' : '');
  console.log(`| ${row.join(' | ')} |`);
}
if (misses.length) {
  console.log(`\nUnder target (median of the runs):\n  ${misses.join('\n  ')}`);
  process.exit(1);
}
console.log('\nEvery page meets its targets.');
