import { z } from 'zod';

/**
 * Every IPC reply is an envelope rather than a thrown error: Electron rewrites errors thrown across invoke into
 * "Error invoking remote method…", losing the code the UI needs to react properly.
 */
export const errorSchema = z.object({ code: z.string(), message: z.string() });
export type IpcError = z.infer<typeof errorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };
