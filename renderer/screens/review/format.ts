/** Times as UK reviewers read them, whatever the workstation's own zone. */
const ZONE = 'Europe/London';

export function ukDateTime(iso: string | null): string {
  if (!iso) return 'unknown';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'unknown';
  return d.toLocaleString('en-GB', { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function ukTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function incidentName(i: { reference: string | null; id?: number; incidentId?: number }): string {
  return i.reference ?? `Incident ${i.id ?? i.incidentId}`;
}
