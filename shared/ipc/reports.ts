import { z } from 'zod';
import type { ReportDocument } from '../report/document';
import { id, longText, shortText } from './limits';

/**
 * Monthly audit reports: the dashboard's pickers, the report itself, and exports. Open to BCU leads and the quality
 * team (the core refuses anyone else). Exports are written by the core into the exports folder beside the
 * database, never to a path the window names, and each one is logged as a disclosure with its recipient.
 */

export const reportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('round'), roundId: id }).strict(),
  z
    .object({
      kind: z.literal('month'),
      bcu: shortText.trim().min(1, 'choose a BCU'),
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM'),
    })
    .strict(),
]);
export type ReportScopeInput = z.infer<typeof reportScopeSchema>;

export const reportChoicesSchema = z.object({
  bcus: z.array(z.object({ bcu: z.string(), months: z.array(z.string()) })),
  rounds: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      status: z.string(),
      drawnAt: z.string(),
      submitted: z.number(),
      bcu: z.string().nullable(),
      month: z.string().nullable(),
    }),
  ),
});
export type ReportChoices = z.infer<typeof reportChoicesSchema>;

export const exportKindSchema = z.enum(['pdf', 'answers-csv', 'summary-csv']);
export type ExportKindInput = z.infer<typeof exportKindSchema>;

export const exportedFileSchema = z.object({
  kind: exportKindSchema,
  file: z.string(),
  sha256: z.string(),
  bytes: z.number(),
});

export const reportsContract = {
  'reports.choices': { input: z.object({}).strict(), output: reportChoicesSchema },
  'reports.view': {
    input: z.object({ scope: reportScopeSchema }).strict(),
    // The model is a large, fully typed structure built by shared/report; main does not re-validate outputs.
    output: z.custom<ReportDocument>(),
  },
  'reports.export': {
    input: z
      .object({
        scope: reportScopeSchema,
        kinds: z.array(exportKindSchema).min(1).max(3),
        recipient: shortText.trim().min(1, 'say who the export is for'),
        includeNotes: z.boolean().default(false),
        marking: z.string().trim().min(1).max(60).optional(),
        reason: longText.optional(),
      })
      .strict(),
    output: z.object({ reportId: z.string(), folder: z.string(), files: z.array(exportedFileSchema) }),
  },
} as const;
