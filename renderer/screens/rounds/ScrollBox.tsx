import type { ReactNode } from 'react';

/** A wide table's scroller: reachable by keyboard (so it can be scrolled without a mouse) and named for its table. */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="round-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
