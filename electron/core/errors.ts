/**
 * Two kinds of failure cross every boundary (IPC, CLI, worker): a UserError is the user's to fix and carries one
 * clear sentence; anything else is ours (exit 2, "internal error"). Codes are stable strings the UI can branch on.
 */
export type UserErrorCode =
  | 'bad-input'
  | 'not-found'
  | 'conflict'
  | 'locked'
  | 'forbidden'
  | 'db-missing-folder'
  | 'db-readonly'
  | 'db-corrupt'
  | 'db-too-new'
  | 'io';

export class UserError extends Error {
  readonly code: UserErrorCode;
  constructor(code: UserErrorCode, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
