import { z } from 'zod';

/** Native pickers, answered by the main process itself (the core has no windows). Cancel gives an empty list. */
export const dialogContract = {
  'dialog.choosePaths': {
    input: z.object({ kind: z.enum(['folders', 'csv']) }).strict(),
    output: z.array(z.string()),
  },
} as const;
