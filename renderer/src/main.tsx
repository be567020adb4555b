import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { connectToMain } from './bridge.ts';
import { startAutosave } from './state/autosave.ts';
import { announceWaitingBatches } from './state/waiting-batches-notice.ts';
import { followMainEvents } from './state/follow-main-events.ts';
import { createStores, StoresProvider } from './state/stores.tsx';
// In cascade order: later files may refine what earlier ones set.
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/components.css';
import './styles/catalog.css';
import './styles/compose.css';
import './styles/review.css';
import './styles/settings.css';
import './styles/history.css';
import './styles/track.css';
import './styles/schedule.css';
import './styles/guide.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const root = createRoot(container);
const api = connectToMain();

if (api === undefined) {
  root.render(
    <main className="screen">
      <h1 className="screen__title">GiftBatch cannot start here</h1>
      <p className="screen__summary">
        This page needs the GiftBatch desktop app (or its test bridge) to reach its core. Start it with
        <code> npm start</code>.
      </p>
    </main>,
  );
} else {
  const stores = createStores(api, window.localStorage);
  followMainEvents(api, stores);
  startAutosave(stores.draft);
  // Closing the window or hiding it saves at once rather than after the autosave delay.
  window.addEventListener('pagehide', () => {
    void stores.draft.getState().saveRequested();
  });
  void stores.app.getState().appInfoRequested();
  void stores.guide.getState().guideRequested();
  // Connect at once, so the status bar shows the balance without a trip to Settings.
  void stores.connection.getState().testRequested();
  void announceWaitingBatches(api, stores);
  root.render(
    <StrictMode>
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
}
