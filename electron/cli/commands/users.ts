import { roleSchema } from '../../../shared/ipc/app';
import { listUsers, saveUser } from '../../core/users/users';
import { UserError } from '../../core/errors';
import { requireStr, strs } from '../args';
import type { Command } from '../command';

export const usersList: Command = {
  path: ['users', 'list'],
  summary: 'list the people known to this database',
  usage: 'bwc-dip users list [--json]',
  options: {},
  positionals: { min: 0, max: 0 },
  run(ctx) {
    const users = listUsers(ctx.db());
    return {
      json: users,
      text: users.length ? users.map((u) => `${u.id}\t${u.displayName}\t${u.role}\t${u.officerIds.join(',')}`).join('\n') : 'no users',
    };
  },
};

export const usersAdd: Command = {
  path: ['users', 'add'],
  summary: 'add or update a person (id = their OS account name), with role and officer numbers',
  usage: 'bwc-dip users add --id ID --name TEXT --role reviewer|lead|quality [--officer NUMBER]... [--json]',
  options: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, officer: { type: 'string', multiple: true } },
  positionals: { min: 0, max: 0 },
  run(ctx, values) {
    const role = roleSchema.safeParse(requireStr(values, 'role'));
    if (!role.success) throw new UserError('bad-input', `--role must be reviewer, lead or quality`);
    const id = requireStr(values, 'id').trim();
    if (id.length > 100) throw new UserError('bad-input', '--id is too long (100 characters at most)');
    const user = saveUser(ctx.db(), ctx.actor, {
      id,
      displayName: requireStr(values, 'name').trim(),
      role: role.data,
      officerIds: strs(values, 'officer').map((s) => s.trim()).filter(Boolean),
    });
    return { json: user, text: `saved ${user.id} (${user.displayName}, ${user.role})` };
  },
};
