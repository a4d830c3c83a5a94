import { useState } from 'react';
import type { AppInfo } from '../shared/ipc/app';
import { call } from './lib/api';
import { useAsync } from './lib/useAsync';
import { FirstRun } from './screens/FirstRun';
import { SCREENS, type ScreenId } from './screens';

export function App() {
  const info = useAsync(() => call('app.info', {}), []);
  if (info.loading && !info.data) return <p className="centre" role="status">Opening the library…</p>;
  if (info.error) {
    return (
      <main className="centre">
        <h1>BWC Dip Sampler could not start</h1>
        <p role="alert">{info.error.message}</p>
      </main>
    );
  }
  const data = info.data!;
  if (!data.user) return <FirstRun account={data.account} onDone={info.reload} />;
  return <Shell info={data} />;
}

function Shell({ info }: { info: AppInfo }) {
  const [screen, setScreen] = useState<ScreenId>('library');
  const current = SCREENS.find((s) => s.id === screen)!;
  const Screen = current.component;
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">BWC Dip Sampler</span>
        <nav aria-label="Main">
          <ul>
            {SCREENS.map((s) => (
              <li key={s.id}>
                <button type="button" aria-current={s.id === screen ? 'page' : undefined} onClick={() => setScreen(s.id)}>
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who" aria-label="Signed in as">
          {info.user!.displayName} · {info.user!.role}
          {info.demo ? ' · demo library' : ''}
        </span>
      </header>
      <main id="main" tabIndex={-1} aria-labelledby="screen-title">
        <Screen info={info} navigate={setScreen} />
      </main>
    </div>
  );
}
