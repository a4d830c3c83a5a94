import type { Channel } from '../../../shared/ipc/contract';
import { appHandlers } from './app';
import type { Handlers } from './types';

/** Every channel of the contract has exactly one handler here; the type makes a missing one a compile error. */
export const handlers: Handlers<Channel> = {
  ...appHandlers,
};
