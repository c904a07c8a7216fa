import { useT } from '../i18n/use-t.ts';
import type { SyncState } from '../../store/sync-state.ts';

const KEYS = { local: 'badge.local', sent: 'badge.sent', rejected: 'badge.rejected' } as const;
const ICONS = { local: '●', sent: '✓', rejected: '!' } as const;

/** Where a record is: only on this phone, on the server, or refused. Text and icon, never colour alone. */
export function SyncBadge({ state }: { state: SyncState }) {
  const t = useT();
  return (
    <span class={`badge badge-sync badge-${state}`} data-sync-state={state}>
      <span aria-hidden="true" class="badge-icon">
        {ICONS[state]}
      </span>
      {t(KEYS[state])}
    </span>
  );
}
