import type { ReportScope } from '../../../shared/report/document';
import { rateWithInterval } from '../../../shared/report/format';
import { UserError } from '../../core/errors';
import { type ExportKind, exportReport } from '../../core/reports/export';
import { flag, num, requireStr, str } from '../args';
import type { Command, ParsedValues } from '../command';
import { writableOutPath } from '../../core/outputPath';

const USAGE =
  'bwc-dip report (--round ID | --bcu X --month YYYY-MM) --out FILE.pdf [--csv FILE.csv] [--summary-csv FILE.csv] ' +
  '[--include-notes] [--recipient TEXT] [--marking TEXT] [--json]';

function scopeOf(values: ParsedValues): ReportScope {
  const round = num(values, 'round', { integer: true, min: 1 });
  const bcu = str(values, 'bcu');
  const month = str(values, 'month');
  if (round !== undefined) {
    if (bcu !== undefined || month !== undefined) throw new UserError('bad-input', `give either --round or --bcu with --month, not both (usage: ${USAGE})`);
    return { kind: 'round', roundId: round };
  }
  if (bcu === undefined || month === undefined) throw new UserError('bad-input', `give --round ID, or --bcu X with --month YYYY-MM (usage: ${USAGE})`);
  return { kind: 'month', bcu, month: month.trim() };
}

export const report: Command = {
  path: ['report'],
  summary: 'monthly audit report: PDF (and answers / summary CSV) for a round or a BCU-month; each file logged as a disclosure',
  usage: USAGE,
  options: {
    round: { type: 'string' },
    bcu: { type: 'string' },
    month: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    'summary-csv': { type: 'string' },
    'include-notes': { type: 'boolean' },
    recipient: { type: 'string' },
    marking: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx, values) {
    const scope = scopeOf(values);
    const outputs: { kind: ExportKind; file: string }[] = [{ kind: 'pdf', file: writableOutPath(requireStr(values, 'out')) }];
    const csv = str(values, 'csv');
    if (csv !== undefined) outputs.push({ kind: 'answers-csv', file: writableOutPath(csv) });
    const summary = str(values, 'summary-csv');
    if (summary !== undefined) outputs.push({ kind: 'summary-csv', file: writableOutPath(summary) });
    if (new Set(outputs.map((o) => o.file)).size < outputs.length) throw new UserError('bad-input', 'each output needs its own file');
    const marking = str(values, 'marking');
    const recipient = str(values, 'recipient') ?? null;
    ctx.progress('building the report…');
    const { document, files } = await exportReport(ctx.db(), ctx.resourcesDir, ctx.actor, {
      scope,
      outputs,
      recipient,
      generatedBy: ctx.actor,
      includeNotes: flag(values, 'include-notes'),
      ...(marking === undefined ? {} : { marking }),
    });
    const { meta, model } = document;
    const lines = [
      `report ${meta.reportId}: ${meta.title}`,
      `data SHA-256 ${meta.dataSha256}`,
      `${model.summary.reviewsSubmitted} submitted reviews, ${model.summary.incidentsCounted} incidents counted, ${model.escalations.length} escalation(s)`,
      ...model.items.map((f) => `  item ${String(f.number).padStart(2)}: ${rateWithInterval(f.compliance)}`),
      ...files.map((f) => `wrote ${f.kind} ${f.file} (${f.bytes} bytes, SHA-256 ${f.sha256})`),
      recipient === null ? 'recorded as a disclosure (no recipient given: use --recipient)' : `recorded as a disclosure to ${recipient.trim()}`,
    ];
    return {
      json: {
        ...model,
        report: {
          id: meta.reportId,
          dataSha256: meta.dataSha256,
          bcu: meta.bcu,
          month: meta.month,
          rounds: meta.rounds.map((r) => r.id),
          marking: meta.marking,
          includeNotes: meta.includeNotes,
          asAt: meta.asAt,
        },
        files,
      },
      text: lines.join('\n'),
    };
  },
};
