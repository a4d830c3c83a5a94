import { requireReportRole } from '../reports/access';
import { reportDocument } from '../reports/document';
import { exportReport, exportsFolder } from '../reports/export';
import { gatherReport } from '../reports/gather';
import { reportChoices } from '../reports/options';
import type { Handlers } from './types';

export const reportsHandlers: Handlers<'reports.choices' | 'reports.view' | 'reports.export'> = {
  'reports.choices': (ctx) => {
    requireReportRole(ctx.db, ctx.actor);
    return reportChoices(ctx.db);
  },
  'reports.view': (ctx, input) => {
    requireReportRole(ctx.db, ctx.actor);
    // The screen never shows free-text notes; they travel only in an export that asks for them.
    return reportDocument(gatherReport(ctx.db, ctx.resourcesDir, input.scope), { generatedBy: ctx.actor });
  },
  'reports.export': async (ctx, input) => {
    const folder = exportsFolder(ctx.dbPath);
    const result = await exportReport(ctx.db, ctx.resourcesDir, ctx.actor, {
      scope: input.scope,
      outputs: { folder, kinds: input.kinds },
      recipient: input.recipient,
      generatedBy: ctx.actor,
      includeNotes: input.includeNotes,
      ...(input.marking === undefined ? {} : { marking: input.marking }),
      reason: input.reason ?? null,
    });
    return { reportId: result.document.meta.reportId, folder, files: result.files };
  },
};
