import type { Handlers } from './types';
import { getUser, listUsers, saveUser } from '../users/users';
import { APP_VERSION } from '../version';

export const appHandlers: Handlers<'app.info' | 'users.register' | 'users.list'> = {
  'app.info': (ctx) => ({
    version: APP_VERSION,
    dbPath: ctx.dbPath,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    account: ctx.actor,
    user: getUser(ctx.db, ctx.actor),
    demo: ctx.demo,
  }),
  'users.register': (ctx, input) =>
    saveUser(ctx.db, ctx.actor, { id: ctx.actor, displayName: input.displayName, role: input.role, officerIds: input.officerIds }),
  'users.list': (ctx) => listUsers(ctx.db),
};
