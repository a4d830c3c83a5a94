// `npm run bench -- review [--runs N] [--verbose]`: the review workspace on 1080p H.264 footage, through the real app (main
// bundle, core worker, IPC router, media:// handler, renderer) in Debian's Chromium via the e2e harness.
// Measures: time to first frame after opening an incident, seek to an evidence pin, and input latency while typing
// notes during playback. Prints figures beside the targets of issue 5; never asserts.
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/open';
import { saveDraft } from '../electron/core/reviews/draft';
import { getRubric } from '../electron/core/rubrics/catalogue';
import { emptyAnswers } from '../shared/rubric/answers';
import { TEST_ORIGIN } from '../tests/e2e/harness/fakeElectron';
import { createReviewRound } from '../tests/e2e/harness/reviewRound';

const ROOT = process.env.BWC_DIP_ROOT ?? process.cwd();
process.env.BWC_DIP_DIST = join(ROOT, 'dist');
const RESOURCES = join(ROOT, 'resources');
const CORPUS = join(ROOT, 'benchmarks', '.corpus', 'review');
const USER = 'bench.reviewer';
const PIN_SECOND = 45;
const TARGETS = { firstFrameMs: 300, seekMs: 200, inputMs: 50 };
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 5) : 5;
const VERBOSE = process.argv.includes('--verbose');

interface Footage {
  label: string;
  file: string;
  recordedAt: string;
}

const FOOTAGE: Footage[] = [
  { label: 'moov at start (faststart)', file: 'cam-faststart.mp4', recordedAt: '2026-10-03T09:00:00Z' },
  { label: 'moov at end', file: 'cam-moov-end.mp4', recordedAt: '2026-10-03T10:00:00Z' },
];

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

/** 60 s of 1080p30 H.264 + AAC, like a body-worn camera clip (2 s GOP), made once and kept in benchmarks/.corpus. */
function makeCorpus(): void {
  mkdirSync(CORPUS, { recursive: true });
  const [fast, end] = FOOTAGE as [Footage, Footage];
  const fastPath = join(CORPUS, fast.file);
  if (!existsSync(fastPath)) {
    console.log('making 60 s 1080p H.264 footage with ffmpeg (once)…');
    const tmp = `${fastPath}.part.mp4`;
    run('ffmpeg', [
      '-v', 'error', '-y',
      '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=60',
      '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=60',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '8M', '-maxrate', '8M', '-bufsize', '16M', '-g', '60', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-b:a', '96k', '-movflags', '+faststart', '-metadata', `creation_time=${fast.recordedAt}`, tmp,
    ]);
    renameSync(tmp, fastPath);
  }
  const endPath = join(CORPUS, end.file);
  if (!existsSync(endPath)) {
    // Same streams, index written after the media data, as most cameras write it.
    run('ffmpeg', ['-v', 'error', '-y', '-i', fastPath, '-c', 'copy', '-map_metadata', '-1', '-metadata', `creation_time=${end.recordedAt}`, `${endPath}.part.mp4`]);
    renameSync(`${endPath}.part.mp4`, endPath);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const max = (xs: number[]) => Math.max(...xs);
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');

/** Installs listeners that time the next video element's first frame (requestVideoFrameCallback) and loadeddata. */
async function armFirstFrame(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: Record<string, number> };
    w.__bench = {};
    const seen = new WeakSet<HTMLVideoElement>();
    new MutationObserver(() => {
      for (const v of document.querySelectorAll('video')) {
        if (seen.has(v)) continue;
        seen.add(v);
        v.addEventListener('loadeddata', () => (w.__bench.loadeddata ||= performance.now()));
        v.requestVideoFrameCallback((now) => (w.__bench.frame ||= now));
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

async function openIncident(page: Page, name: string): Promise<{ firstFrame: number; loadeddata: number }> {
  await page.getByRole('button', { name: `Open ${name}`, exact: true }).waitFor();
  await armFirstFrame(page);
  await page.evaluate((label) => {
    const b = [...document.querySelectorAll('button')].find((x) => x.getAttribute('aria-label') === `Open ${label}`);
    if (!b) throw new Error(`no Open button for ${label}`);
    (window as unknown as { __bench: Record<string, number> }).__bench.t0 = performance.now();
    b.click();
  }, name);
  await page.waitForFunction(() => (window as unknown as { __bench: Record<string, number> }).__bench.loadeddata, null, { timeout: 30_000 });
  await page.waitForFunction(() => (window as unknown as { __bench: Record<string, number> }).__bench.frame, null, { timeout: 3_000 }).catch(() => undefined);
  const b = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
  return { firstFrame: b.frame ? b.frame - b.t0! : NaN, loadeddata: b.loadeddata! - b.t0! };
}

async function seekToPin(page: Page): Promise<{ seeked: number; frame: number }> {
  return page.evaluate(
    () =>
      new Promise<{ seeked: number; frame: number }>((resolve, reject) => {
        const v = document.querySelector('video');
        const pin = document.querySelector<HTMLButtonElement>('#q-3 .pin-link');
        if (!v || !pin) return reject(new Error('no video or pin'));
        const t0 = performance.now();
        const got = { seeked: NaN, frame: NaN };
        const done = () => Number.isFinite(got.seeked) && Number.isFinite(got.frame) && resolve(got);
        v.addEventListener('seeked', () => ((got.seeked = performance.now() - t0), done()), { once: true });
        v.requestVideoFrameCallback((now) => ((got.frame = now - t0), done()));
        setTimeout(() => resolve(got), 5000);
        pin.click();
      }),
  );
}

/** Plays, then types into a note: Event Timing durations of every key event, and keydown → next frame. */
interface Typing {
  maxEvent: number;
  slowEvents: number;
  events: number;
  maxToFrame: number;
  p95ToFrame: number;
  longFrames: number;
  longestScript: number;
}

async function typeDuringPlayback(page: Page): Promise<Typing> {
  await page.getByRole('button', { name: 'Play / pause' }).click();
  await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.3, null, { timeout: 15_000 });
  await page.evaluate(() => {
    const typing = { events: [] as number[], toFrame: [] as number[], longFrames: 0, longestScript: 0 };
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (['keydown', 'keypress', 'keyup', 'input', 'beforeinput'].includes(e.name)) typing.events.push(e.duration);
    });
    obs.observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    const onKey = () => {
      const t = performance.now();
      requestAnimationFrame(() => typing.toFrame.push(performance.now() - t));
    };
    document.addEventListener('keydown', onKey, true);
    // Long animation frames say whether a slow event was our script or the page waiting to paint the video.
    const loaf = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { scripts: { duration: number }[] }[]) {
        typing.longFrames++;
        for (const sc of e.scripts) typing.longestScript = Math.max(typing.longestScript, sc.duration);
      }
    });
    loaf.observe({ type: 'long-animation-frame' } as PerformanceObserverInit);
    (window as unknown as { __typing: unknown }).__typing = {
      typing,
      stop() {
        loaf.disconnect();
        obs.disconnect();
        document.removeEventListener('keydown', onKey, true);
      },
    };
  });
  const notes = page.getByLabel('Notes for item 5');
  await notes.focus();
  await page.keyboard.type('Child said she was scared when they shout; officer wrote it down word for word. '.repeat(3), { delay: 25 });
  await page.waitForTimeout(1000);
  const t = await page.evaluate(() => {
    const w = window as unknown as { __typing: { typing: { events: number[]; toFrame: number[]; longFrames: number; longestScript: number }; stop(): void } };
    w.__typing.stop();
    return w.__typing.typing;
  });
  await page.getByRole('button', { name: 'Play / pause' }).click();
  const sorted = [...t.toFrame].sort((a, b) => a - b);
  return {
    maxEvent: t.events.length ? max(t.events) : 0,
    slowEvents: t.events.filter((d) => d > TARGETS.inputMs).length,
    events: t.toFrame.length,
    maxToFrame: max(t.toFrame),
    p95ToFrame: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    longFrames: t.longFrames,
    longestScript: t.longestScript,
  };
}

type Handler = (request: Request) => Promise<Response> | Response;

interface LoopbackMedia {
  origin: string;
  close(): void;
}

/**
 * The app's own media:// handler (clip id → core lookup → path check → Range → stream) behind a loopback HTTP
 * server. Why: in the Electron test double, media:// requests go through Playwright routing, which hands Chromium
 * one buffered body per request and cannot serve the follow-up range requests a file with its index at the end
 * needs; Electron's privileged stream protocol can. Loopback HTTP streams like Electron does, so the figures are the
 * app's, not the test double's.
 */
function serveMedia(media: Handler): Promise<LoopbackMedia> {
  const server = createServer((req, res) => {
    const m = /^\/clip\/(\d+)$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    if (req.headers.range) headers.set('range', req.headers.range);
    if (VERBOSE) console.log(`[media] ${req.url} ${req.headers.range ?? ''}`);
    void Promise.resolve(media(new Request(`media://clip/${m[1]}`, { method: req.method, headers }))).then((r) => {
      const out: Record<string, string> = {};
      r.headers.forEach((v, k) => (out[k] = v));
      res.writeHead(r.status, out);
      if (!r.body) return void res.end();
      const body = Readable.fromWeb(r.body as unknown as WebReadableStream<Uint8Array>);
      res.on('close', () => body.destroy());
      body.pipe(res);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

/**
 * Points the app's <video> at the loopback server: the page's media-src policy gains that one origin, and a src of
 * media://clip/N becomes <origin>/clip/N. Everything else (UI, IPC, core) is the app as the e2e suite runs it.
 */
async function routeMediaOverLoopback(page: Page, appHandler: Handler, loop: LoopbackMedia): Promise<Page> {
  const widen = (csp: string) => csp.replace(/media-src ([^;"]*)/g, `media-src $1 ${loop.origin}`);
  await page.route(
    (url) => url.origin === TEST_ORIGIN,
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const res = await appHandler(new Request(route.request().url().replace(TEST_ORIGIN, 'app://bwc')));
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = k === 'content-security-policy' ? widen(v) : v));
      await route.fulfill({ status: res.status, headers, body: widen(await res.text()) });
    },
  );
  // The app blocks every http(s) request; the loopback media origin is the one exception, and only here.
  await page.route((url) => url.origin === loop.origin, (route) => route.continue());
  await page.addInitScript((origin: string) => {
    const d = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'src')!;
    Object.defineProperty(HTMLMediaElement.prototype, 'src', {
      ...d,
      set(this: HTMLMediaElement, v: string) {
        d.set!.call(this, typeof v === 'string' && v.startsWith('media://') ? `${origin}/${v.slice('media://'.length)}` : v);
      },
    });
  }, loop.origin);
  await page.reload();
  return page;
}

async function main(): Promise<void> {
  makeCorpus();
  console.log('building the app…');
  run(process.execPath, ['scripts/build.mjs']);
  const dir = mkdtempSync(join(tmpdir(), 'bwc-bench-review-'));
  const dbPath = join(dir, 'bwc-dip.sqlite');
  const cli = (args: string[]) => run(process.execPath, [join(ROOT, 'dist/cli/bwc-dip.cjs'), '--db', dbPath, '--user', USER, ...args]);
  cli(['users', 'add', '--id', USER, '--name', 'Sgt Bench', '--role', 'reviewer']);
  cli(['index', CORPUS, '--json']);
  const round = createReviewRound(dbPath, { incidents: FOOTAGE.length, name: 'Benchmark round', assign: () => [USER] });

  // Each incident gets a draft with an evidence pin at 45 s on item 3, for the seek.
  const rubric = getRubric(RESOURCES, 'child-focus', 1);
  const db = openDatabase(dbPath);
  const names = new Map<string, { name: string }>();
  for (const incidentId of round.incidentIds) {
    const clipId = round.clips.get(incidentId)![0]!;
    const file = (db.prepare('SELECT file_name FROM clips WHERE id = ?').get(clipId) as { file_name: string }).file_name;
    const answers = emptyAnswers(rubric);
    answers.items['3'] = { answer: null, notes: '', evidence: [{ clipId, second: PIN_SECOND }] };
    saveDraft(db, RESOURCES, USER, { roundId: round.roundId, incidentId, answers });
    names.set(file, { name: round.references.get(incidentId) ?? `Incident ${incidentId}` });
  }
  db.close();

  const { launchApp } = await import('../tests/e2e/harness/launch');
  let media: LoopbackMedia | null = null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required',
      // The test double's UI origin (http://app.invalid) is "public"; let it reach the loopback media server.
      '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,LocalNetworkAccessChecks'],
  });
  try {
    const app = await launchApp(browser, { dbPath, user: USER, userData: dir });
    media = await serveMedia(app.state.protocols.get('media')!);
    const page = await routeMediaOverLoopback(app.page, app.state.protocols.get('app')!, media);
    if (VERBOSE) page.on('console', (m) => console.log(`[page] ${m.text()}`));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My reviews' }).click();

    const rows: string[][] = [];
    for (const f of FOOTAGE) {
      const target = names.get(f.file);
      if (!target) throw new Error(`${f.file} was not indexed into the round`);
      const first: number[] = [];
      const loaded: number[] = [];
      const seeks: number[] = [];
      const seekFrames: number[] = [];
      let typing: Typing | null = null;
      for (let i = 0; i < RUNS; i++) {
        await page.getByRole('heading', { level: 1, name: 'My reviews' }).waitFor();
        const open = await openIncident(page, target.name);
        first.push(open.firstFrame);
        loaded.push(open.loadeddata);
        const s = await seekToPin(page);
        seeks.push(s.seeked);
        seekFrames.push(s.frame);
        if (i === RUNS - 1) typing = await typeDuringPlayback(page);
        await page.getByRole('button', { name: '← My reviews' }).click();
      }
      const size = `${(statSync(join(CORPUS, f.file)).size / 1e6).toFixed(1)} MB`;
      rows.push([
        `${f.label}, ${size}`,
        `${ms(median(first))} (max ${ms(max(first))}; loadeddata ${ms(median(loaded))})`,
        `${ms(median(seeks))} (max ${ms(max(seeks))}; frame ${ms(median(seekFrames))})`,
        typing
          ? `${ms(typing.maxEvent)} worst event, ${typing.slowEvents} > ${TARGETS.inputMs} ms; key→frame p95 ${ms(typing.p95ToFrame)}, ` +
            `max ${ms(typing.maxToFrame)} (${typing.events} keys); ${typing.longFrames} frames > 50 ms, longest script in them ${ms(typing.longestScript)}`
          : 'n/a',
      ]);
    }
    const header = ['footage (60 s 1080p30 H.264)', `first frame, median of ${RUNS} (target < ${TARGETS.firstFrameMs} ms)`, `seek to pin at ${PIN_SECOND} s (target < ${TARGETS.seekMs} ms)`, `typing a note during playback (target: no event > ${TARGETS.inputMs} ms)`];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
    console.log('');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
    for (const r of rows) console.log(line(r));
    console.log('');
    console.log('first frame: Open click → requestVideoFrameCallback of the first frame (loadeddata beside it). seek: pin click → seeked');
    console.log("(frame: → next presented frame). typing: Event Timing API durations (≥ 16 ms recorded; 8 ms granularity) of key events,");
    console.log('and keydown → next animation frame; autosave runs during typing. Long animation frames (LoAF API) show how much of');
    console.log('a slow frame was script. Headless Chromium, software decoding and compositing, 2 cores.');
    console.log(`media: the app's media:// handler served over loopback HTTP (see serveMedia); ${RUNS} opens per file.`);
    await page.context().close();
  } finally {
    media?.close();
    await browser.close();
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
