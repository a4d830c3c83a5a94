import { incidentListInputSchema, incidentSortSchema, type Clip, type IncidentRow } from '../../../shared/ipc/library';
import { utcToLocal } from '../../../shared/time/london';
import { UserError } from '../../core/errors';
import { clipsOfIncidents, listIncidents } from '../../core/library/incidentsRepo';
import { mergeIncidents, splitIncident } from '../../core/library/manualIncidents';
import { flag, num, requireStr, str } from '../args';
import type { Command } from '../command';
import { idList } from './indexCmd';

/** A UTC instant as UK local time with its zone, as a supervisor reads it ("24/10/2026 03:15 BST"). */
function ukTime(iso: string | null): string {
  if (iso === null) return 'time unknown';
  const l = utcToLocal(iso);
  if (!l.ok) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(l.local.d)}/${p(l.local.m)}/${l.local.y} ${p(l.local.hh)}:${p(l.local.mm)} ${l.zone}`;
}

function duration(sec: number | null): string {
  if (sec === null) return '?';
  const s = Math.round(sec);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function incidentText(i: IncidentRow, clips: readonly Clip[]): string {
  const head = [
    `#${i.id}`,
    i.reference ?? '(no reference)',
    ukTime(i.startedAt),
    [i.bcu, i.team].filter(Boolean).join(' / ') || 'BCU/team unknown',
    i.officers.join(', ') || 'officer unknown',
    i.categories.length ? `[${i.categories.join('; ')}]` : '',
    i.flags.length ? `{${i.flags.join(', ')}}` : '',
    `${i.clipCount} clip${i.clipCount === 1 ? '' : 's'}${i.manual ? ' (manual)' : ''}`,
  ].filter(Boolean);
  const lines = [head.join('  ')];
  for (const c of clips) {
    const notes = [c.status === 'missing' ? 'MISSING' : '', c.playable ? '' : `cannot play: ${c.unplayableReason}`].filter(Boolean);
    lines.push(`    clip ${c.id}  ${c.path}  ${duration(c.durationSec)}  ${c.videoCodec ?? '?'}${c.width ? ` ${c.width}x${c.height}` : ''}${notes.length ? `  (${notes.join('; ')})` : ''}`);
  }
  return lines.join('\n');
}

export const incidentsList: Command = {
  path: ['incidents', 'list'],
  summary: 'list incidents with their clips, filtered and sorted (dates are UK local yyyy-mm-dd)',
  usage:
    'bwc-dip incidents list [--from DATE] [--to DATE] [--bcu X] [--team X] [--category X] [--flag X] [--officer X] ' +
    `[--reference TEXT] [--sort ${incidentSortSchema.options.join('|')}] [--asc] [--limit N] [--offset N] [--json]`,
  options: {
    from: { type: 'string' }, to: { type: 'string' }, bcu: { type: 'string' }, team: { type: 'string' },
    category: { type: 'string' }, flag: { type: 'string' }, officer: { type: 'string' }, reference: { type: 'string' },
    sort: { type: 'string' }, asc: { type: 'boolean' }, limit: { type: 'string' }, offset: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  run(ctx, values) {
    const raw: Record<string, unknown> = {
      sort: str(values, 'sort') ?? 'started',
      dir: flag(values, 'asc') ? 'asc' : 'desc',
      limit: num(values, 'limit', { min: 1, max: 5000, integer: true }) ?? 200,
      offset: num(values, 'offset', { min: 0, integer: true }) ?? 0,
    };
    for (const k of ['from', 'to', 'bcu', 'team', 'category', 'flag', 'officer', 'reference'] as const) {
      const v = str(values, k);
      if (v !== undefined) raw[k] = v;
    }
    const parsed = incidentListInputSchema.safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new UserError('bad-input', `--${String(i.path[0] ?? 'filter')}: ${i.message}`);
    }
    const db = ctx.db();
    const page = listIncidents(db, parsed.data);
    const clips = clipsOfIncidents(db, page.rows.map((r) => r.id));
    const rows = page.rows.map((r) => ({ ...r, clips: clips.get(r.id) ?? [] }));
    const shown = page.total > rows.length ? `\n(${rows.length} of ${page.total}; use --offset/--limit for more)` : '';
    return {
      json: { total: page.total, offset: parsed.data.offset, rows },
      text: rows.length ? rows.map((r) => incidentText(r, r.clips)).join('\n') + shown : 'no incidents match',
    };
  },
};

export const incidentsMerge: Command = {
  path: ['incidents', 'merge'],
  summary: 'merge incidents into the one with the lowest id (kept through re-indexing; audit: combination)',
  usage: 'bwc-dip incidents merge <id> <id>... [--reason TEXT] [--json]',
  options: { reason: { type: 'string' } },
  positionals: { min: 2, max: 100 },
  run(ctx, values, positionals) {
    const r = mergeIncidents(ctx.db(), ctx.actor, idList(positionals, 'incident ids'), str(values, 'reason') ?? null);
    return { json: r, text: `merged incident(s) ${r.from.join(', ')} into ${r.incidentId} (${r.clipIds.length} clips moved)` };
  },
};

export const incidentsSplit: Command = {
  path: ['incidents', 'split'],
  summary: 'move some clips of an incident into a new incident (kept through re-indexing; audit: combination)',
  usage: 'bwc-dip incidents split <incidentId> --clips ID,ID... [--reason TEXT] [--json]',
  options: { clips: { type: 'string' }, reason: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run(ctx, values, positionals) {
    const [incidentId] = idList(positionals, 'the incident id');
    const clipIds = idList(requireStr(values, 'clips').split(',').filter((s) => s.trim() !== ''), '--clips');
    const r = splitIncident(ctx.db(), ctx.actor, incidentId!, clipIds, str(values, 'reason') ?? null);
    return { json: r, text: `split clip(s) ${r.clipIds.join(', ')} off incident ${incidentId} into new incident ${r.incidentId}` };
  },
};
