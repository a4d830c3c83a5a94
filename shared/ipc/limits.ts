import { z } from 'zod';

/** Bounds on every string that crosses IPC, so a compromised renderer cannot push megabytes into a handler. */
export const shortText = z.string().max(200);
export const longText = z.string().max(10_000);
export const pathText = z.string().min(1).max(4096);
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
