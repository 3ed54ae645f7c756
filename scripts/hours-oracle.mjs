// Differential test of the guide's opening hours (crates/core/src/hours) against opening_hours.js,
// the OpenStreetMap reference implementation (a test-only npm dependency).
//
// For every value of the corpus (e2e/hours/corpus.json: realistic values, each saying where it
// comes from), both sides parse it; for every value both accept, both say whether the place is
// open at every half hour (Asia/Shanghai) for 14 months from START, and the states must match.
// The guide's side is `qiaosi hours-states` (target/debug/qiaosi, built by `cargo build -p
// qiaosi-cli`), which runs `OpeningHours::status` as the app does and also prints where the
// guide's documented rule for spans past midnight is the only difference (see the module doc
// of crates/core/src/hours and crates/core/src/hours/reference.rs).
//
// Fails on: a value only the guide accepts; a disagreement other than the past-midnight one;
// a value only opening_hours.js accepts that the corpus does not mark `unsupported` (with the
// kind, whose message the guide must give); a value marked `unsupported` that the guide accepts.
//
// Public holidays: opening_hours.js needs a country for PH. It is given China (Zhejiang), whose
// PH list in opening_hours.js is a handful of fixed dates; the same dates are passed to the
// guide with --holidays, so both sides evaluate the rules against the same calendar (the
// comparison is about the rules, not about which days are holidays in China).
//
//   node scripts/hours-oracle.mjs [--verbose] [--corpus other.json (to try values; no minimum size)]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

process.env.TZ = 'Asia/Shanghai';
const { default: OpeningHours } = await import('opening_hours');

const CLI = 'target/debug/qiaosi';
const DEFAULT_CORPUS = 'e2e/hours/corpus.json';
const CORPUS = process.argv.includes('--corpus') ? process.argv[process.argv.indexOf('--corpus') + 1] : DEFAULT_CORPUS;
// 14 months, from New Year 2027 through Feb 29 2028: both year ends, a leap day, the Spring
// Festivals of 2027 (Feb 6) and 2028 (Jan 26), the National Day week, summer and winter.
const START = [2027, 1, 1];
const END = [2028, 3, 1];
const HALF_HOUR = 30 * 60 * 1000;
const verbose = process.argv.includes('--verbose');

// What the guide says when it refuses each deliberately unsupported kind.
const KINDS = {
  comment: 'comments in quotes',
  sun: /relative to the sun|variable times/,
  fallback: 'fallback rules',
  'open end': 'open-ended times',
  'week numbers': 'week numbers',
  'school holidays': 'school holidays',
  'nth weekday': 'nth-weekday',
  colon: "remove the ':'",
  'one-digit hour': 'two-digit hours',
  'additional rule': "additional rules after ','",
  'off after times': "'off' after times",
  'year alone': 'years alone',
  easter: 'Easter',
  'unknown modifier': 'modifier is not supported',
};

const fail = (msg) => { console.error(`hours oracle: ${msg}`); process.exit(1); };
if (new Date(2027, 0, 1).getTimezoneOffset() !== -480) fail('could not switch Node to Asia/Shanghai (TZ)');
if (!existsSync(CLI)) fail(`no ${CLI}: run \`cargo build -p qiaosi-cli\` first`);
const corpus = JSON.parse(readFileSync(CORPUS, 'utf8'));
if (CORPUS === DEFAULT_CORPUS && corpus.length < 100) fail(`the corpus has ${corpus.length} values; it needs at least 100`);
for (const e of corpus) {
  if (typeof e.value !== 'string' || typeof e.from !== 'string' || !e.from) fail(`corpus entry without value or from: ${JSON.stringify(e)}`);
  if (e.unsupported !== undefined && !(e.unsupported in KINDS)) fail(`unknown unsupported kind ${JSON.stringify(e.unsupported)}`);
}

const start = new Date(START[0], START[1] - 1, START[2]);
const end = new Date(END[0], END[1] - 1, END[2]);
const days = Math.round((end - start) / 86_400_000);
const slots = days * 48;
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const at = (i) => `${iso(new Date(start.getTime() + Math.floor(i / 48) * 86_400_000))} ${String(Math.floor((i % 48) / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
const nominatim = { lat: 30.35, lon: 120.29, address: { country_code: 'cn', state: '浙江省' } };

// The public holidays opening_hours.js knows for China in the period (and the day before it,
// whose night can reach into the first day); multi-day holidays come as one interval.
const phDays = new Set();
for (const [from, to] of new OpeningHours('PH', nominatim).getOpenIntervals(new Date(start.getTime() - 86_400_000), end)) {
  for (let t = from.getTime(); t < to.getTime(); t += 86_400_000) phDays.add(iso(new Date(t)));
}
const phList = [...phDays].sort().join(',');

/** opening_hours.js: '0' closed, '1' open, 'u' unknown per half hour, or the error. */
function reference(value) {
  let oh;
  const { error, warn } = console;
  try {
    // It also prints some errors itself; the summary has them.
    console.error = console.warn = () => {};
    oh = new OpeningHours(value, nominatim);
  } catch (e) {
    return { error: String(e).split('\n')[0] };
  } finally {
    Object.assign(console, { error, warn });
  }
  const states = new Array(slots).fill('0');
  for (const [from, to, unknown] of oh.getOpenIntervals(start, end)) {
    const a = Math.max(0, Math.ceil((from - start) / HALF_HOUR));
    const b = Math.min(slots, Math.ceil((to - start) / HALF_HOUR));
    for (let i = a; i < b; i++) states[i] = unknown ? 'u' : '1';
  }
  return { states: states.join('') };
}

/** The guide: '0'/'1' closed/open, 'a'/'b' open/closed where only the past-midnight rule differs. */
function guide(value) {
  const r = spawnSync(CLI, ['hours-states', value, '--from', iso(start), '--days', String(days), '--holidays', phList], { encoding: 'utf8' });
  if (r.status === 1) return { error: r.stderr.trim() };
  if (r.status !== 0) fail(`${CLI} hours-states ${JSON.stringify(value)} exited with ${r.status}: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  if (lines.length !== days) fail(`${CLI} printed ${lines.length} days, not ${days}`);
  lines.forEach((l, i) => {
    const want = iso(new Date(start.getTime() + i * 86_400_000));
    if (!l.startsWith(`${want} `) || l.length !== 11 + 48) fail(`unexpected line ${i}: ${l}`);
  });
  return { states: lines.map((l) => l.slice(11)).join('') };
}

const t0 = Date.now();
const tally = { agree: [], pastMidnight: [], bothRefuse: [], refusedByOurs: [], acceptedByOurs: [], disagree: [] };
const problems = [];
for (const e of corpus) {
  const theirs = reference(e.value);
  const ours = guide(e.value);
  const label = `${JSON.stringify(e.value)} (${e.from})`;
  if (e.unsupported && !ours.error) problems.push(`${label}: marked unsupported (${e.unsupported}) but the guide accepts it`);
  if (theirs.error && ours.error) {
    tally.bothRefuse.push(`${label}\n          ours: ${ours.error}\n          opening_hours.js: ${theirs.error}`);
    continue;
  }
  if (theirs.error) {
    tally.acceptedByOurs.push(`${label}\n          opening_hours.js: ${theirs.error}`);
    problems.push(`${label}: accepted by the guide only (opening_hours.js: ${theirs.error})`);
    continue;
  }
  if (ours.error) {
    const needle = KINDS[e.unsupported];
    const named = needle && (needle instanceof RegExp ? needle.test(ours.error) : ours.error.includes(needle));
    tally.refusedByOurs.push(`[${e.unsupported ?? 'NOT MARKED'}] ${label}\n          ours: ${ours.error}`);
    if (!e.unsupported) problems.push(`${label}: refused by the guide only, and the corpus does not mark it unsupported (${ours.error})`);
    else if (!named) problems.push(`${label}: refused, but not for being ${e.unsupported} (${ours.error})`);
    continue;
  }
  let midnight = 0;
  const wrong = [];
  for (let i = 0; i < slots; i++) {
    const o = ours.states[i];
    const t = theirs.states[i];
    const open = o === '1' || o === 'a';
    const openWithTheirRule = o === '1' || o === 'b';
    if (t !== 'u' && (t === '1') === open) continue;
    if (t !== 'u' && (t === '1') === openWithTheirRule) {
      midnight++;
      continue;
    }
    wrong.push(`${at(i)} ours ${open ? 'open' : 'closed'}, opening_hours.js ${t === 'u' ? 'unknown' : t === '1' ? 'open' : 'closed'}`);
  }
  if (wrong.length) {
    tally.disagree.push(`${label}: ${wrong.length} half hours, first ${wrong.slice(0, 3).join('; ')}`);
    problems.push(`${label}: disagrees at ${wrong.length} half hours, e.g. ${wrong[0]}`);
  } else if (midnight) {
    tally.pastMidnight.push(`${label}: ${midnight} half hours`);
  } else {
    tally.agree.push(label);
  }
}

const show = (title, list, always = false) => {
  console.log(`${String(list.length).padStart(4)}  ${title}`);
  if (list.length && (always || verbose)) for (const l of list) console.log(`        ${l}`);
};
console.log(`opening hours against opening_hours.js: ${corpus.length} values, every half hour ${iso(start)} to ${iso(new Date(end - 1))} (${slots} per value), Asia/Shanghai, PH: ${phDays.size} days (opening_hours.js, cn)`);
show('agree everywhere', tally.agree);
show('differ only by the documented rule for spans past midnight', tally.pastMidnight, true);
show('refused by both', tally.bothRefuse, verbose);
show('refused by the guide only (deliberately unsupported)', tally.refusedByOurs, true);
show('accepted by the guide only', tally.acceptedByOurs, true);
show('disagree', tally.disagree, true);
console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
if (problems.length) {
  console.error(`\nhours oracle: ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
