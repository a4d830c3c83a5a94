import { APP_ORIGIN } from './protocols/app';

/** The window may only ever show our own UI: any other navigation (links, drag-dropped files, redirects) is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Requests the app itself never makes; blocking them makes "nothing leaves the machine" hold even for a bug. */
export const BLOCKED_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];
