import { NavBar } from './components/nav-bar.tsx';
import { NoticeList } from './components/notice-list.tsx';
import { ScreenFrame } from './components/screen-frame.tsx';
import { StatusBar } from './components/status-bar.tsx';
import { useScreenShortcuts } from './components/use-screen-shortcuts.ts';
import { CatalogScreen } from './features/catalog/catalog-screen.tsx';
import { ComposeScreen } from './features/compose/compose-screen.tsx';
import { FirstRunGuide } from './features/guide/first-run-guide.tsx';
import { HistoryScreen } from './features/history/history-screen.tsx';
import { ReviewScreen } from './features/review/review-screen.tsx';
import { SettingsScreen } from './features/settings/settings-screen.tsx';
import { screenById, type ScreenId } from './screens.ts';
import { useUiState } from './state/stores.tsx';

const ScreenContent = ({ id }: { id: ScreenId }) => {
  switch (id) {
    case 'catalog':
      return <CatalogScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'compose':
      return <ComposeScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'history':
      return <HistoryScreen />;
    default: {
      const unknown: never = id;
      throw new Error(`No screen ${String(unknown)}`);
    }
  }
};

export const App = () => {
  const screen = useUiState((state) => screenById(state.screen));
  useScreenShortcuts();
  return (
    <div className="app">
      <NavBar />
      <ScreenFrame screen={screen}>
        <ScreenContent id={screen.id} />
      </ScreenFrame>
      <NoticeList />
      <StatusBar />
      <FirstRunGuide />
    </div>
  );
};
