import type { Command } from '../command';
import { logExport, logVerify } from './log';
import { usersAdd, usersList } from './users';

/** Every command of `bwc-dip`. Feature commands add themselves here. */
export const COMMANDS: Command[] = [logVerify, logExport, usersList, usersAdd];
