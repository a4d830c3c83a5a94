import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../core/errors';
import { exportScores } from '../../core/reviews/exportScores';
import { importScores, scoresFileText } from '../../core/reviews/importScores';
import { flag, num, requireStr } from '../args';
import type { Command, ParsedValues } from '../command';
import { writableOutPath } from '../../core/outputPath';

function readInput(path: string): { full: string; text: string } {
  const full = resolve(path);
  let bytes: Buffer;
  try {
    if (!statSync(full).isFile()) throw new UserError('bad-input', `${full} is not a file`);
    bytes = readFileSync(full);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('bad-input', `cannot read ${full}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return { full, text: scoresFileText(bytes, full) };
}

function roundOption(values: ParsedValues): number {
  const id = num(values, 'round', { min: 1, integer: true });
  if (id === undefined) throw new UserError('bad-input', '--round is required');
  return id;
}

export const scoresImport: Command = {
  path: ['scores', 'import'],
  summary: 'import submitted reviews from a CSV (incident,reviewer,item,answer,notes); all or nothing, bad rows listed by line',
  usage: 'bwc-dip scores import FILE.csv --round ID [--dry-run] [--json]',
  options: { round: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run(ctx, values, positionals) {
    const roundId = roundOption(values);
    const { full, text } = readInput(positionals[0]!);
    const r = importScores(ctx.db(), ctx.resourcesDir, ctx.actor, { roundId, file: full, text, dryRun: flag(values, 'dry-run') });
    if (r.errors.length > 0) {
      return {
        json: r,
        text: [`${full}: nothing imported; ${r.errors.length} problem(s):`, ...r.errors.map((e) => `line ${e.line}: ${e.message}`)].join('\n'),
        exitCode: 1,
      };
    }
    const what = `${r.reviews} review(s) from ${r.rows} row(s)`;
    if (r.dryRun) return { json: r, text: `dry run: ${what} would be imported into round ${r.roundId}; nothing was written` };
    const added = r.assignmentsAdded > 0 ? `; ${r.assignmentsAdded} assignment(s) added` : '';
    return { json: r, text: `imported ${what} into round ${r.roundId}${added}` };
  },
};

export const scoresExport: Command = {
  path: ['scores', 'export'],
  summary: 'write the submitted reviews of a round as CSV in the import format; recorded as a disclosure',
  usage: 'bwc-dip scores export --round ID --out FILE.csv [--json]',
  options: { round: { type: 'string' }, out: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  run(ctx, values) {
    const roundId = roundOption(values);
    const out = writableOutPath(requireStr(values, 'out'));
    const r = exportScores(ctx.db(), ctx.resourcesDir, ctx.actor, { roundId, file: out }, (csv) => writeFileSync(out, csv, 'utf8'));
    return { json: { roundId, out, ...r }, text: `wrote ${r.reviews} review(s), ${r.rows} row(s) to ${out}` };
  },
};
