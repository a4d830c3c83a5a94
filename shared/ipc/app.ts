import { z } from 'zod';
import { shortText } from './limits';

export const roleSchema = z.enum(['reviewer', 'lead', 'quality']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: roleSchema,
  officerIds: z.array(z.string()),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number(),
  /** The OS account the app attributes actions to; not authentication. */
  account: z.string(),
  user: userSchema.nullable(),
  demo: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const empty = z.object({}).strict();

export const appContract = {
  'app.info': { input: empty, output: appInfoSchema },
  'users.register': {
    input: z
      .object({
        displayName: shortText.trim().min(1, 'display name is required'),
        role: roleSchema,
        officerIds: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
      })
      .strict(),
    output: userSchema,
  },
  'users.list': { input: empty, output: z.array(userSchema) },
} as const;
