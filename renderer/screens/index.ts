import type { ComponentType } from 'react';
import type { AppInfo } from '../../shared/ipc/app';
import { LibraryScreen } from './Library';

export type ScreenId = 'library';

export interface ScreenProps {
  info: AppInfo;
  navigate(id: ScreenId): void;
}

/** The screens in the main navigation, in order. Features add theirs here. */
export const SCREENS: { id: ScreenId; label: string; component: ComponentType<ScreenProps> }[] = [
  { id: 'library', label: 'Library', component: LibraryScreen },
];
