import type { AccountT } from './pack.ts';
import { problemText } from '../ui/problem-text.ts';
import type { Remote } from '../ui/use-remote.ts';

/** Loading, or why it failed ("this needs a connection") with "try again"; nothing once ready. */
export function RemoteState({ remote, t, onRetry }: { remote: Remote<unknown>; t: AccountT; onRetry(): void }) {
  if (remote.state === 'loading')
    return (
      <p class="muted" role="status">
        {t('online.loading')}
      </p>
    );
  if (remote.state === 'ready') return null;
  return (
    <div class="notice" role="alert">
      <p>{problemText(remote.error, t)}</p>
      <button type="button" class="button button-small" onClick={onRetry}>
        {t('online.retry')}
      </button>
    </div>
  );
}
