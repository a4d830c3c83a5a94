import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReportDocument, ReportScope } from '../../../shared/report/document';
import { appendAudit } from '../audit/log';
import { UserError } from '../errors';
import { writableOutPath } from '../outputPath';
import { requireReportRole } from './access';
import { answersCsv, summaryCsv } from './csv';
import { sha256 } from './dataHash';
import { reportDocument, type ReportOptions } from './document';
import { gatherReport } from './gather';
import { renderReportPdf } from './pdf/render';

export type ExportKind = 'pdf' | 'answers-csv' | 'summary-csv';

export type ExportOutputs =
  /** Named files (the CLI). */
  | { kind: ExportKind; file: string }[]
  /** Kinds to write into a folder, under names made from the report id (the app). */
  | { folder: string; kinds: readonly ExportKind[] };

export interface ExportRequest extends ReportOptions {
  scope: ReportScope;
  outputs: ExportOutputs;
  /** To whom the files go. The app always asks; the CLI records null when --recipient is not given. */
  recipient: string | null;
  reason?: string | null;
}

export interface ExportedFile {
  kind: ExportKind;
  file: string;
  sha256: string;
  bytes: number;
}

export interface ExportResult {
  document: ReportDocument;
  files: ExportedFile[];
}

export const MAX_RECIPIENT_CHARS = 200;

function checkRecipient(recipient: string | null): string | null {
  if (recipient === null) return null;
  const text = recipient.trim();
  if (text === '') throw new UserError('bad-input', 'recipient: say who the export is for (a person, role or board)');
  if (text.length > MAX_RECIPIENT_CHARS) throw new UserError('bad-input', `recipient: at most ${MAX_RECIPIENT_CHARS} characters`);
  return text;
}

/** Checks the destination before any work; the file names of a folder export wait for the report id. */
function planOutputs(requested: ExportOutputs): (reportId: string, includeNotes: boolean) => { kind: ExportKind; file: string }[] {
  const none = (): never => {
    throw new UserError('bad-input', 'nothing to export: name at least one file');
  };
  if (Array.isArray(requested)) {
    const files = requested.map((o) => ({ kind: o.kind, file: writableOutPath(o.file) }));
    if (files.length === 0) none();
    return () => files;
  }
  writableOutPath(join(requested.folder, 'report'));
  if (requested.kinds.length === 0) none();
  return (reportId, includeNotes) =>
    requested.kinds.map((kind) => ({ kind, file: exportFileName(requested.folder, reportId, kind, includeNotes) }));
}

/** A UTF-8 byte order mark, so Excel on a force workstation reads names and dashes correctly; parseCsv skips it. */
function csvBytes(text: string): Buffer {
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

/**
 * Writes a report's files and records each as a disclosure (DPA 2018 s.62): what (kind, round or BCU-month, file,
 * SHA-256 of the bytes written, report id and data hash) and to whom. The data is read once for all files. Each
 * file is written inside the transaction that logs it, so a failed write leaves no disclosure on record and every
 * disclosure on record happened.
 */
export async function exportReport(db: Database, resourcesDir: string, actor: string, request: ExportRequest, now = new Date()): Promise<ExportResult> {
  requireReportRole(db, actor);
  const recipient = checkRecipient(request.recipient);
  const plan = planOutputs(request.outputs);
  const gathered = gatherReport(db, resourcesDir, request.scope);
  const document = reportDocument(gathered, request);
  const includeNotes = request.includeNotes === true;
  const outputs = plan(document.meta.reportId, includeNotes);
  const contents: { kind: ExportKind; file: string; bytes: Buffer }[] = [];
  for (const o of outputs) {
    const bytes =
      o.kind === 'pdf'
        ? await renderReportPdf(document, resourcesDir)
        : o.kind === 'answers-csv'
          ? csvBytes(answersCsv(gathered, includeNotes))
          : csvBytes(summaryCsv(document.model));
    contents.push({ ...o, bytes });
  }
  const what =
    request.scope.kind === 'round'
      ? { roundId: request.scope.roundId }
      : { bcu: document.meta.bcu, month: document.meta.month };
  const files = db.transaction((): ExportedFile[] =>
    contents.map((c) => {
      const hash = sha256(c.bytes);
      appendAudit(
        db,
        actor,
        {
          action: 'disclosure',
          objectType: 'report',
          objectId: document.meta.reportId,
          detail: {
            kind: c.kind,
            ...what,
            file: c.file,
            sha256: hash,
            bytes: c.bytes.length,
            includeNotes,
            marking: document.meta.marking,
            dataSha256: document.meta.dataSha256,
          },
          recipient,
          reason: request.reason ?? null,
        },
        now,
      );
      try {
        writeFileSync(c.file, c.bytes);
      } catch (e) {
        throw new UserError('io', `cannot write ${c.file}: ${(e as Error).message}`);
      }
      return { kind: c.kind, file: c.file, sha256: hash, bytes: c.bytes.length };
    }),
  )();
  return { document, files };
}

/** The app's exports folder, beside the database (the user-data folder): main-process file dialogs stay out of the core. */
export function exportsFolder(dbPath: string): string {
  const folder = join(dirname(resolve(dbPath)), 'exports');
  mkdirSync(folder, { recursive: true });
  return folder;
}

const EXTENSION: Record<ExportKind, string> = { pdf: '.pdf', 'answers-csv': '-answers.csv', 'summary-csv': '-summary.csv' };

/** `<reportId>[-with-notes]<kind>`, numbered rather than overwriting a file already disclosed. */
export function exportFileName(folder: string, reportId: string, kind: ExportKind, includeNotes: boolean): string {
  const stem = `${reportId}${includeNotes && kind !== 'summary-csv' ? '-with-notes' : ''}`;
  let file = join(folder, `${stem}${EXTENSION[kind]}`);
  for (let n = 2; existsSync(file); n += 1) file = join(folder, `${stem}-${n}${EXTENSION[kind]}`);
  return file;
}
