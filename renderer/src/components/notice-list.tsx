import { useUiState } from '../state/stores.tsx';

/** Messages main pushes (app:notice-posted), shown until the user dismisses them. */
export const NoticeList = () => {
  const notices = useUiState((state) => state.notices);
  const noticeDismissed = useUiState((state) => state.noticeDismissed);
  return (
    <section className="notices" aria-label="Notifications" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.level}`} role="status">
          <span className="notice__message">{notice.message}</span>
          <button
            type="button"
            className="notice__dismiss"
            aria-label="Dismiss notification"
            onClick={() => {
              noticeDismissed(notice.id);
            }}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
};
