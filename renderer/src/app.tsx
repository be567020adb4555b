import { NavBar } from './components/nav-bar.tsx';
import { NoticeList } from './components/notice-list.tsx';
import { ScreenFrame } from './components/screen-frame.tsx';
import { StatusBar } from './components/status-bar.tsx';
import { useScreenShortcuts } from './components/use-screen-shortcuts.ts';
import { screenById } from './screens.ts';
import { useUiState } from './state/stores.tsx';

export const App = () => {
  const screen = useUiState((state) => screenById(state.screen));
  useScreenShortcuts();
  return (
    <div className="app">
      <NavBar />
      <ScreenFrame screen={screen} />
      <NoticeList />
      <StatusBar />
    </div>
  );
};
