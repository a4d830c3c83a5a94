import { z } from 'zod';

/** Events the main process pushes to the window (progress of long work). Names are fixed; payloads validated. */
export const eventContract = {
  'index.progress': z.object({
    runId: z.number(),
    phase: z.enum(['scan', 'probe', 'import', 'group', 'hash', 'done', 'cancelled', 'failed']),
    files: z.number(),
    total: z.number().nullable(),
    filesPerSec: z.number(),
    etaSec: z.number().nullable(),
    message: z.string().optional(),
  }),
} as const;

export type EventName = keyof typeof eventContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventContract)[E]>;
