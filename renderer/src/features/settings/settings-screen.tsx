import { useConnectionState } from '../../state/stores.tsx';
import { ConnectionCard } from './connection-card.tsx';
import { GuideCard } from '../guide/first-run-guide.tsx';
import { LedgerCard } from './ledger-card.tsx';
import { PreferencesCard } from './preferences-card.tsx';
import { SendingSettingsForm } from './sending-settings-form.tsx';

export const SettingsScreen = () => {
  const connection = useConnectionState((state) => state.connection);
  if (connection === null) return <p className="muted">Loading the connection settings…</p>;
  return (
    <div className="settings">
      <ConnectionCard connection={connection} />
      <SendingSettingsForm />
      <PreferencesCard />
      <LedgerCard />
      <GuideCard />
    </div>
  );
};
