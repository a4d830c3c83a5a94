import { useCallback, useEffect, useRef, useState } from 'react';
import type { IncidentFilter, IncidentRow, IncidentSort } from '../../shared/ipc/library';
import type { EventPayload } from '../../shared/ipc/events';
import { call, onEvent } from '../lib/api';
import { useAsync } from '../lib/useAsync';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { IncidentDetailPanel } from './library/IncidentDetail';
import { IndexPanel } from './library/IndexPanel';
import { ProblemsPanel } from './library/ProblemsPanel';
import type { ScreenProps } from '.';
import './library/library.css';

const PAGE = 200;
const ukDateTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short' }) : '—';

const COLUMNS: Column<IncidentRow>[] = [
  { key: 'started', header: 'Started (UK)', width: '11rem', sortable: true, render: (r) => ukDateTime(r.startedAt) },
  { key: 'reference', header: 'Reference', width: '12rem', sortable: true, render: (r) => r.reference ?? <span className="hint">none</span> },
  { key: 'bcu', header: 'BCU', width: '9rem', sortable: true, render: (r) => r.bcu ?? '—' },
  { key: 'team', header: 'Team', width: '10rem', sortable: true, render: (r) => r.team ?? '—' },
  { key: 'officers', header: 'Officers', width: '12rem', render: (r) => r.officers.join(', ') || '—' },
  {
    key: 'categories',
    header: 'Categories and flags',
    width: '20rem',
    render: (r) => (
      <>
        {r.categories.map((c) => (
          <span className="tag" key={c}>
            {c}
          </span>
        ))}
        {r.flags.map((f) => (
          <span className="tag flag" key={f}>
            ⚑ {f}
          </span>
        ))}
      </>
    ),
  },
  {
    key: 'clips',
    header: 'Clips',
    width: '7rem',
    sortable: true,
    render: (r) => `${r.clipCount}${r.missingCount ? ` (${r.missingCount} missing)` : ''}`,
  },
];

/**
 * The library: index footage and exports, then browse every incident. The table fetches windows of rows as it
 * scrolls, so a 100k-incident library costs the same to open as a small one.
 */
export function LibraryScreen(_props: ScreenProps) {
  const facets = useAsync(() => call('incidents.facets', {}), []);
  const [filter, setFilter] = useState<IncidentFilter>({});
  const [sort, setSort] = useState<{ key: IncidentSort; dir: 'asc' | 'desc' }>({ key: 'started', dir: 'desc' });
  const [total, setTotal] = useState(0);
  const [rows, setRows] = useState<Map<number, IncidentRow>>(new Map());
  const [selected, setSelected] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(new Set<number>());
  const query = useRef(0);

  // A new filter, sort or index run starts a fresh result set; stale replies are dropped by the query counter.
  useEffect(() => {
    loaded.current = new Set();
    setRows(new Map());
    const q = ++query.current;
    call('incidents.list', { ...filter, sort: sort.key, dir: sort.dir, offset: 0, limit: PAGE }).then(
      (page) => {
        if (q !== query.current) return;
        loaded.current.add(0);
        setTotal(page.total);
        setRows(new Map(page.rows.map((r, i) => [i, r])));
        setError(null);
      },
      (e: Error) => q === query.current && setError(e.message),
    );
  }, [filter, sort, version]);

  const onRange = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / PAGE); p * PAGE < end; p++) {
        if (loaded.current.has(p)) continue;
        loaded.current.add(p);
        const q = query.current;
        void call('incidents.list', { ...filter, sort: sort.key, dir: sort.dir, offset: p * PAGE, limit: PAGE }).then((page) => {
          if (q !== query.current) return;
          setRows((prev) => {
            const next = new Map(prev);
            page.rows.forEach((r, i) => next.set(p * PAGE + i, r));
            return next;
          });
        });
      }
    },
    [filter, sort],
  );

  useEffect(() => onEvent('index.progress', (p: EventPayload<'index.progress'>) => p.phase === 'done' && setVersion((v) => v + 1)), []);

  const set = (k: keyof IncidentFilter) => (v: string) => setFilter((f) => ({ ...f, [k]: v || undefined }));
  const f = facets.data;
  return (
    <>
      <h1 id="screen-title">Library</h1>
      <IndexPanel onIndexed={() => { setVersion((v) => v + 1); facets.reload(); }} />
      <div className="split">
        <section aria-labelledby="incidents-title">
          <h2 id="incidents-title">Incidents</h2>
          <form className="toolbar" role="search" aria-label="Filter incidents" onSubmit={(e) => e.preventDefault()}>
            <Field label="Reference" id="f-ref">
              <input id="f-ref" type="search" value={filter.reference ?? ''} onChange={(e) => set('reference')(e.target.value)} placeholder="CAD or CRIS" />
            </Field>
            <Field label="From (UK date)" id="f-from">
              <input id="f-from" type="date" value={filter.from ?? ''} onChange={(e) => set('from')(e.target.value)} />
            </Field>
            <Field label="To (UK date)" id="f-to">
              <input id="f-to" type="date" value={filter.to ?? ''} onChange={(e) => set('to')(e.target.value)} />
            </Field>
            <Picker label="BCU" id="f-bcu" value={filter.bcu} options={f?.bcus} onChange={set('bcu')} />
            <Picker label="Team" id="f-team" value={filter.team} options={f?.teams} onChange={set('team')} />
            <Picker label="Category" id="f-cat" value={filter.category} options={f?.categories} onChange={set('category')} />
            <Picker label="Flag" id="f-flag" value={filter.flag} options={f?.flags} onChange={set('flag')} />
            <Picker label="Officer" id="f-officer" value={filter.officer} options={f?.officers} onChange={set('officer')} />
            <button type="button" onClick={() => setFilter({})}>
              Clear filters
            </button>
          </form>
          <p role="status" aria-live="polite" className="hint">
            {total.toLocaleString('en-GB')} incident{total === 1 ? '' : 's'}. Use the arrow keys in the table and Enter to open one.
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <VirtualTable
            caption="Incidents"
            columns={COLUMNS}
            total={total}
            rowAt={(i) => rows.get(i)}
            onRange={onRange}
            rowKey={(r) => r.id}
            onOpen={(r) => setSelected(r.id)}
            sort={sort}
            onSort={(key) =>
              setSort((s) => ({ key: key as IncidentSort, dir: s.key === key && s.dir === 'desc' ? 'asc' : 'desc' }))
            }
          />
        </section>
        <IncidentDetailPanel id={selected} />
      </div>
      <ProblemsPanel version={version} />
    </>
  );
}

function Field({ label, id, children }: { label: string; id: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function Picker(p: { label: string; id: string; value: string | undefined; options: string[] | undefined; onChange(v: string): void }) {
  return (
    <Field label={p.label} id={p.id}>
      <select id={p.id} value={p.value ?? ''} onChange={(e) => p.onChange(e.target.value)}>
        <option value="">Any</option>
        {(p.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Field>
  );
}
