// `npm run bench -- report [--reviews N] [--runs R]` (defaults 2000 and 3): the monthly audit report for one BCU with N submitted
// reviews in the report month and 12 earlier months of the same size (rows inserted straight into a real SQLite file,
// in the shapes the rounds and reviews features write: migrations 003-004). Times gathering + the model, the PDF
// and both CSVs, each as the app and the CLI run them; prints figures beside issue 6's target (PDF under 2 s).
// Never asserts.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/core/db/open';
import { answersCsv, summaryCsv } from '../electron/core/reports/csv';
import { reportDocument } from '../electron/core/reports/document';
import { gatherReport } from '../electron/core/reports/gather';
import { renderReportPdf } from '../electron/core/reports/pdf/render';
import { getRubric } from '../electron/core/rubrics/catalogue';
import { monthsEndingWith } from '../shared/report/months';
import { createMt19937FromUint32 } from '../shared/random/mt19937';
import type { ReviewAnswers } from '../shared/rubric/answers';
import { ITEM_ANSWERS, OVERALL_ANSWERS } from '../shared/rubric/codes';

const ROOT = process.env.BWC_DIP_ROOT ?? process.cwd();
const RESOURCES = join(ROOT, 'resources');
const reviewsArg = process.argv.indexOf('--reviews');
const PER_MONTH = reviewsArg > 0 ? Math.max(1, Number(process.argv[reviewsArg + 1]) || 2000) : 2000;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;
const MONTH = '2026-10';
const HISTORY = 12;
const TEAMS = ['Hackney North', 'Hackney South', 'Tower Hamlets East', 'Tower Hamlets West', 'Response 1', 'Response 2'];
const REVIEWERS = Array.from({ length: 12 }, (_, i) => `sgt.${i + 1}`);
const CALIBRATION_SHARE = 0.1;
const TARGET_PDF_MS = 2000;

const rng = createMt19937FromUint32(20261101);
const below = (k: number): number => rng.nextUint32() % k;
/** Mostly yes, a realistic spread of the other answers. */
const ITEM_WEIGHTS = [55, 15, 18, 7, 5];
function pick<T>(values: readonly T[], weights: readonly number[]): T {
  let r = below(weights.reduce((a, b) => a + b, 0));
  for (let i = 0; i < values.length; i += 1) {
    r -= weights[i]!;
    if (r < 0) return values[i]!;
  }
  return values[0]!;
}

function build(dbPath: string): void {
  const db = openDatabase(dbPath);
  const rubric = getRubric(RESOURCES, 'child-focus', 1);
  const at = (m: string, day: number, hour: number): string => `${m}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:15:00.000Z`;
  const incident = db.prepare(
    `INSERT INTO incidents (id, reference, source, bcu, team, officers, started_at, created_at, updated_at)
     VALUES (?, ?, 'reference', 'Central East', ?, ?, ?, ?, ?)`,
  );
  const round = db.prepare(
    `INSERT INTO rounds (id, name, status, filters, frame_size, frame_hash, size_spec, size_result, n, strata_fields,
       min_per_stratum, allocation, proportional, algorithm_id, algorithm_version, prng, seed, calibration, rubric_id,
       rubric_version, drawn_by, drawn_at)
     VALUES (?, ?, 'drawn', ?, ?, ?, ?, ?, ?, '["team"]', 0, ?, 1, 'bwc-stratified-fy', 1, 'mt19937', ?, ?, 'child-focus', 1, 'lead.bench', ?)`,
  );
  const sample = db.prepare('INSERT INTO round_incidents (round_id, incident_id, draw_order, stratum, weight) VALUES (?, ?, ?, ?, ?)');
  const review = db.prepare(
    `INSERT INTO reviews (round_id, incident_id, reviewer_id, rubric_id, rubric_version, status, answers, created_at, updated_at, submitted_at)
     VALUES (?, ?, ?, 'child-focus', 1, 'submitted', ?, ?, ?, ?)`,
  );
  const user = db.prepare(`INSERT INTO users (id, display_name, role, officer_ids, created_at) VALUES (?, ?, ?, '[]', '2026-01-01T00:00:00.000Z')`);
  db.transaction(() => {
    user.run('lead.bench', 'Insp Bench', 'lead');
    for (const r of REVIEWERS) user.run(r, r, 'reviewer');
    let incidentId = 0;
    monthsEndingWith(MONTH, HISTORY + 1).forEach((m, roundIndex) => {
      const roundId = roundIndex + 1;
      const population = PER_MONTH * 5;
      const perTeam = TEAMS.map((_, i) => Math.floor(PER_MONTH / TEAMS.length) + (i < PER_MONTH % TEAMS.length ? 1 : 0));
      const allocation = TEAMS.map((team, i) => ({ stratum: team, population: perTeam[i]! * 5, sample: perTeam[i]!, weight: 5 }));
      round.run(
        roundId,
        `Central East — ${m}`,
        JSON.stringify({ bcu: 'Central East', from: `${m}-01`, to: `${m}-28`, categories: ['domestic abuse'], flags: ['child present'], teams: [], officers: [], includePreviouslySampled: false }),
        population,
        'e'.repeat(64),
        JSON.stringify({ method: 'fixed', n: PER_MONTH }),
        JSON.stringify({ n: PER_MONTH, takeAll: false, explanation: `Fixed sample of ${PER_MONTH}.`, n0: null, z: null }),
        PER_MONTH,
        JSON.stringify(allocation),
        String(roundId * 7919),
        JSON.stringify({ fraction: CALIBRATION_SHARE, count: null, incidents: Math.ceil(PER_MONTH * CALIBRATION_SHARE) }),
        `${m}-28T23:00:00.000Z`,
      );
      let order = 0;
      TEAMS.forEach((team, t) => {
        for (let k = 0; k < perTeam[t]!; k += 1) {
          incidentId += 1;
          order += 1;
          const started = at(m, 1 + below(27), below(23));
          incident.run(incidentId, `CAD ${1000 + (incidentId % 9000)}/${m}`, team, JSON.stringify([`PC ${100 + below(400)}`, `PC ${100 + below(400)}`]), started, started, started);
          sample.run(roundId, incidentId, order, team, 5);
          const scorers = order <= PER_MONTH * CALIBRATION_SHARE ? 2 : 1;
          const first = below(REVIEWERS.length);
          for (let s = 0; s < scorers; s += 1) {
            const outOfScope = below(20) === 0;
            const answers: ReviewAnswers = {
              rubricId: 'child-focus',
              rubricVersion: 1,
              scope: outOfScope ? 'no' : 'yes',
              context: Object.fromEntries(rubric.context.map((q) => [q.id, 'yes'])),
              items: Object.fromEntries(
                rubric.items.map((item) => [
                  item.id,
                  {
                    answer: outOfScope ? null : pick(ITEM_ANSWERS, ITEM_WEIGHTS),
                    notes: below(4) === 0 ? 'Officer asked about the children upstairs; no names taken.' : '',
                    evidence: below(3) === 0 ? [{ clipId: incidentId, second: below(1800) }] : [],
                  },
                ]),
              ),
              overall: { answer: pick(OVERALL_ANSWERS, [50, 35, 15]), learningNote: 'Speak to the child away from the adults.' },
              escalation: below(150) === 0 ? { flag: true, note: 'Baby not seen; no Merlin PAC raised.' } : { flag: false, note: '' },
            };
            const submitted = `${MONTH === m ? '2026-11' : m}-${String(10 + s).padStart(2, '0')}T10:${String(below(60)).padStart(2, '0')}:00.000Z`;
            review.run(roundId, incidentId, REVIEWERS[(first + s) % REVIEWERS.length], JSON.stringify(answers), submitted, submitted, submitted);
          }
        }
      });
    });
  })();
  db.close();
}

function ms(t0: number): number {
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bwc-bench-report-'));
  const dbPath = join(dir, 'bench.sqlite');
  let t = performance.now();
  build(dbPath);
  console.log(`database: ${PER_MONTH} submitted reviews in ${MONTH} (+${CALIBRATION_SHARE * 100}% second reviews) and ${HISTORY} earlier months, ` +
    `${(statSync(dbPath).size / 1e6).toFixed(1)} MB, built in ${(ms(t) / 1000).toFixed(1)} s`);
  const db = openDatabase(dbPath);
  const scope = { kind: 'month', bcu: 'Central East', month: MONTH } as const;
  const rows: { what: string; times: number[]; note: string }[] = [
    { what: 'gather + model', times: [], note: '' },
    { what: 'PDF', times: [], note: '' },
    { what: 'answers CSV', times: [], note: '' },
    { what: 'summary CSV', times: [], note: '' },
  ];
  for (let run = 0; run < RUNS; run += 1) {
    t = performance.now();
    const gathered = gatherReport(db, RESOURCES, scope);
    const document = reportDocument(gathered, { generatedBy: 'lead.bench' });
    rows[0]!.times.push(ms(t));
    rows[0]!.note = `${document.model.summary.reviewsSubmitted} reviews, ${document.model.summary.incidentsCounted} incidents counted, trend of ${document.model.trend.filter((m) => m.items.some((i) => i.compliance !== null)).length} months`;
    t = performance.now();
    const pdf = await renderReportPdf(document, RESOURCES);
    rows[1]!.times.push(ms(t));
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    rows[1]!.note = `${pages} pages, ${(pdf.length / 1e6).toFixed(2)} MB`;
    t = performance.now();
    const answers = answersCsv(gathered, true);
    rows[2]!.times.push(ms(t));
    rows[2]!.note = `${(answers.length / 1e6).toFixed(1)} MB, ${answers.split('\r\n').length - 2} rows`;
    t = performance.now();
    const summary = summaryCsv(document.model);
    rows[3]!.times.push(ms(t));
    rows[3]!.note = `${summary.split('\r\n').length - 2} rows`;
  }
  db.close();
  console.log(`\n${'step'.padEnd(16)} ${'first'.padStart(9)} ${'best'.padStart(9)}  notes`);
  for (const r of rows) {
    console.log(`${r.what.padEnd(16)} ${`${r.times[0]!.toFixed(0)} ms`.padStart(9)} ${`${Math.min(...r.times).toFixed(0)} ms`.padStart(9)}  ${r.note}`);
  }
  const pdfFirst = rows[1]!.times[0]!;
  console.log(`\nPDF target: under ${TARGET_PDF_MS} ms — first run ${pdfFirst.toFixed(0)} ms (${pdfFirst < TARGET_PDF_MS ? 'met' : 'NOT met'})`);
  rmSync(dir, { recursive: true, force: true });
}

void main();
