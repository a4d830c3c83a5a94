import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  width: string;
  render(row: T): ReactNode;
  sortable?: boolean;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  total: number;
  /** Rows by absolute index; undefined while that window is still loading. */
  rowAt(index: number): T | undefined;
  /** Asks for rows [start, end) to be fetched. */
  onRange(start: number, end: number): void;
  rowKey(row: T, index: number): string | number;
  onOpen(row: T): void;
  sort?: { key: string; dir: 'asc' | 'desc' };
  onSort?(key: string): void;
  height?: number;
}

const ROW_HEIGHT = 36;
const OVERSCAN = 10;

/**
 * A table that renders only the rows in view, so 100k incidents scroll smoothly. Real table semantics with
 * aria-rowcount/aria-rowindex so screen readers know where they are; arrow keys, Page Up/Down, Home/End move between
 * rows and Enter opens one, so it works without a mouse.
 */
export function VirtualTable<T>(p: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const height = p.height ?? 480;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(p.total, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const { onRange } = p;

  useEffect(() => {
    onRange(first, last);
  }, [first, last, onRange]);

  useEffect(() => {
    if (active >= p.total) setActive(Math.max(0, p.total - 1));
  }, [p.total, active]);

  const focusRow = useCallback(
    (i: number) => {
      const idx = Math.max(0, Math.min(p.total - 1, i));
      setActive(idx);
      const el = scroller.current;
      if (!el) return;
      // Rows sit below the sticky header (one row high) in the scroller's coordinates.
      const top = ROW_HEIGHT + idx * ROW_HEIGHT;
      if (top < el.scrollTop + ROW_HEIGHT) el.scrollTop = idx * ROW_HEIGHT;
      else if (top + ROW_HEIGHT > el.scrollTop + height) el.scrollTop = top + ROW_HEIGHT - height;
      requestAnimationFrame(() => el.querySelector<HTMLElement>(`[data-row="${idx}"]`)?.focus());
    },
    [p.total, height],
  );

  function onKeyDown(e: React.KeyboardEvent) {
    const page = Math.floor(height / ROW_HEIGHT) - 1;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) focusRow(active + moves[e.key]!);
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(p.total - 1);
    else if (e.key === 'Enter') {
      const row = p.rowAt(active);
      if (row) p.onOpen(row);
    } else return;
    e.preventDefault();
  }

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const row = p.rowAt(i);
    rows.push(
      <tr
        role="row"
        key={row ? p.rowKey(row, i) : `loading-${i}`}
        data-row={i}
        aria-rowindex={i + 2}
        tabIndex={i === active ? 0 : -1}
        className={i === active ? 'active' : undefined}
        onClick={() => {
          setActive(i);
          if (row) p.onOpen(row);
        }}
        onFocus={() => setActive(i)}
        style={{ position: 'absolute', top: i * ROW_HEIGHT, height: ROW_HEIGHT, display: 'flex', width: '100%' }}
      >
        {p.columns.map((c) => (
          <td key={c.key} role="cell" style={{ width: c.width, flex: `0 0 ${c.width}` }}>
            {row ? c.render(row) : '…'}
          </td>
        ))}
      </tr>,
    );
  }

  // Explicit ARIA roles: the rows are absolutely positioned for virtualisation, and CSS display changes would
  // otherwise strip the table semantics in Chromium's accessibility tree.
  return (
    <div
      ref={scroller}
      className="vtable"
      style={{ height, overflow: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <table role="table" aria-rowcount={p.total + 1} aria-label={p.caption} onKeyDown={onKeyDown}>
        <thead role="rowgroup" className="vtable-head">
          <tr role="row" aria-rowindex={1} style={{ display: 'flex' }}>
            {p.columns.map((c) => {
              const sorted = p.sort?.key === c.key ? (p.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
              return (
                <th key={c.key} role="columnheader" scope="col" aria-sort={c.sortable ? (sorted ?? 'none') : undefined} style={{ width: c.width, flex: `0 0 ${c.width}` }}>
                  {c.sortable && p.onSort ? (
                    <button type="button" className="sort" onClick={() => p.onSort!(c.key)}>
                      {c.header}
                      <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody role="rowgroup" style={{ position: 'relative', display: 'block', height: p.total * ROW_HEIGHT }}>
          {rows}
        </tbody>
      </table>
    </div>
  );
}
