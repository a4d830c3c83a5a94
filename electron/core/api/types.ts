import type { Channel, Output, ParsedInput } from '../../../shared/ipc/contract';
import type { CoreContext } from '../context';

export type Handler<C extends Channel> = (ctx: CoreContext, input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };

/** Channels the main process answers itself (native dialogs); the core never sees them. */
export type MainChannel = 'dialog.choosePaths';
