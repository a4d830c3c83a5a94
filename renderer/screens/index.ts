import type { ComponentType } from 'react';
import type { AppInfo } from '../../shared/ipc/app';
import { CalibrationScreen } from './Calibration';
import { DashboardScreen } from './Dashboard';
import { LibraryScreen } from './Library';
import { ReviewsScreen } from './Reviews';
import { RoundsScreen } from './Rounds';

export type ScreenId = 'library' | 'rounds' | 'reviews' | 'calibration' | 'reports';

export interface ScreenProps {
  info: AppInfo;
  navigate(id: ScreenId): void;
}

/** The screens in the main navigation, in order. Features add theirs here. */
export const SCREENS: { id: ScreenId; label: string; component: ComponentType<ScreenProps> }[] = [
  { id: 'library', label: 'Library', component: LibraryScreen },
  { id: 'rounds', label: 'Rounds', component: RoundsScreen },
  { id: 'reviews', label: 'My reviews', component: ReviewsScreen },
  { id: 'calibration', label: 'Calibration', component: CalibrationScreen },
  { id: 'reports', label: 'Reports', component: DashboardScreen },
];
