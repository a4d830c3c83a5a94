import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRowContent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  detail: string;
  reason: string | null;
  recipient: string | null;
}

/**
 * A row's hash covers the previous row's hash and its own content, including its sequence number, so an edited,
 * deleted or reordered row breaks the chain from that row on. Content is serialised as a JSON array in a fixed
 * field order: unambiguous, and re-derivable by an auditor with any SHA-256 tool.
 */
export function rowHash(prevHash: string, row: AuditRowContent): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.object_type,
    row.object_id,
    row.detail,
    row.reason,
    row.recipient,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
