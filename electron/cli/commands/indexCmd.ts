import type { IndexSummary } from '../../../shared/ipc/library';
import type { CoreContext } from '../../core/context';
import { UserError } from '../../core/errors';
import { runIndex } from '../../core/library/indexRun';
import type { ProgressEvent } from '../../core/library/progress';
import { flag, num, str, strs } from '../args';
import type { CliContext, Command } from '../command';

const BAR_WIDTH = 24;
/** Reported files listed in the text summary; the JSON summary has them all. */
const TEXT_SKIPPED = 100;

/** One progress line: phase, a bar when the total is known, files, rate and time left. */
export function progressLine(p: ProgressEvent): string {
  const rate = `${Math.round(p.filesPerSec).toLocaleString('en-GB')} files/s`;
  if (p.total === null || p.total === 0) return `${p.phase.padEnd(6)} ${p.files.toLocaleString('en-GB')} files · ${rate}`;
  const done = Math.min(1, p.files / p.total);
  const filled = Math.round(done * BAR_WIDTH);
  const eta = p.etaSec === null ? '' : ` · ${Math.ceil(p.etaSec)} s left`;
  return `${p.phase.padEnd(6)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${p.files.toLocaleString('en-GB')}/${p.total.toLocaleString('en-GB')} · ${rate}${eta}`;
}

function summaryText(s: IndexSummary): string {
  const lines = [
    `${s.status === 'completed' ? 'indexed' : 'CANCELLED after'} ${s.scanned} video files in ${(s.durationMs / 1000).toFixed(1)} s: ` +
      `${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.moved} moved, ${s.missing} missing` +
      (s.hashed ? `, ${s.hashed} hashed` : ''),
    `library: ${s.clips} clips in ${s.incidents} incidents` +
      (s.grouping.regrouped ? ` (regrouped: ${s.grouping.created} new, ${s.grouping.changed} changed)` : ''),
  ];
  if (s.evidence.manifests > 0 || s.evidence.rowsWithoutClip > 0 || s.evidence.clipsWithoutRow > 0) {
    lines.push(
      `exports: ${s.evidence.rows} rows read (${s.evidence.added} new, ${s.evidence.updated} changed); ` +
        `${s.evidence.rowsWithoutClip} rows without a file, ${s.evidence.clipsWithoutRow} files without a row`,
    );
  }
  if (s.skipped.length > 0) {
    lines.push(`skipped or reported (${s.skipped.length}):`);
    for (const k of s.skipped.slice(0, TEXT_SKIPPED)) lines.push(`  ${k.path}${k.line === undefined ? '' : `:${k.line}`}: ${k.reason}`);
    if (s.skipped.length > TEXT_SKIPPED) lines.push(`  … and ${s.skipped.length - TEXT_SKIPPED} more (--json lists them all)`);
  }
  return lines.join('\n');
}

/** The core's context for a CLI command: same database, actor and cancel signal; progress drawn on stderr. */
export function coreContextOf(ctx: CliContext, onProgress: (p: ProgressEvent) => void = () => {}): CoreContext {
  return {
    db: ctx.db(),
    dbPath: ctx.dbPath,
    actor: ctx.actor,
    demo: false,
    resourcesDir: ctx.resourcesDir,
    emit: (event, payload) => {
      if (event === 'index.progress') onProgress(payload);
    },
    signal: ctx.signal,
  };
}

export const indexCommand: Command = {
  path: ['index'],
  summary: 'index footage folders (and force exports) into clips and incidents; re-runs cost a stat per unchanged file',
  usage:
    'bwc-dip index <folder>... [--manifest FILE]... [--mapping axon|MAPPING.json] [--hash] [--proximity MINUTES] [--json]',
  options: {
    manifest: { type: 'string', multiple: true },
    mapping: { type: 'string' },
    hash: { type: 'boolean' },
    proximity: { type: 'string' },
  },
  positionals: { min: 1, max: 1000 },
  async run(ctx, values, folders) {
    const proximityMinutes = num(values, 'proximity', { min: 0, max: 24 * 60, integer: true }) ?? null;
    const core = coreContextOf(ctx, (p) => ctx.progress(progressLine(p)));
    const summary = await runIndex(core, {
      roots: folders,
      manifests: strs(values, 'manifest'),
      mapping: str(values, 'mapping') ?? 'axon',
      hash: flag(values, 'hash'),
      proximityMinutes,
    });
    return { json: summary, text: summaryText(summary), exitCode: summary.status === 'completed' ? 0 : 1 };
  },
};

/** Whole positive ids from the command line, each checked. */
export function idList(texts: readonly string[], what: string): number[] {
  return texts.map((t) => {
    const s = t.trim();
    if (!/^\d{1,15}$/.test(s) || Number(s) === 0) throw new UserError('bad-input', `${what} must be whole numbers above 0, got '${t}'`);
    return Number(s);
  });
}
