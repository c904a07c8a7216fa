import { useT } from '../i18n/use-t.ts';
import type { SyncState } from '../../store/sync-state.ts';

const KEYS = { local: 'badge.local', sent: 'badge.sent', rejected: 'badge.rejected' } as const;
const ICONS = { local: '●', sent: '✓', rejected: '!' } as const;

/**
 * Where a record is: only on this phone, on the server, or refused. Text and icon, never colour alone.
 * With no state (no record yet: nothing to send) it keeps its box, empty, so the first change does not move what is below it.
 */
export function SyncBadge({ state }: { state: SyncState | null }) {
  const t = useT();
  if (state === null) {
    return (
      <span class="badge badge-sync badge-none" aria-hidden="true">
        {'\u00a0'}
      </span>
    );
  }
  return (
    <span class={`badge badge-sync badge-${state}`} data-sync-state={state}>
      <span aria-hidden="true" class="badge-icon">
        {ICONS[state]}
      </span>
      {t(KEYS[state])}
    </span>
  );
}
