import { useState } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditEntry } from '../../domain/auth.ts';
import type { Config } from '../../domain/config-records.ts';
import { problemText } from '../ui/problem-text.ts';
import { RemoteState } from '../account/RemoteState.tsx';
import { useRemote } from '../ui/use-remote.ts';
import { useApp } from '../context.ts';
import { dateFormat } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from '../account/pack.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { adminPack, isAdminKey, type AdminT } from './pack.ts';

const PAGE = 50;

/** The audit log: who (user, device) changed what and when, newest first, a page at a time. */
export function AuditSection() {
  const { api } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const first = useRemote(() => api().then((a) => a.audit(null, PAGE)), []);
  // Names for user ids, when the server lets us have them; ids otherwise. An erased person reads as their pseudonym.
  const users = useRemote(() => api().then((a) => a.users()), []);
  const erased = useRemote(() => api().then((a) => a.erased()), []);
  const [more, setMore] = useState<{ entries: AuditEntry[]; cursor: string | null; hasMore: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const page = first.remote.state === 'ready' ? first.remote.value : null;
  const entries = [...(page?.entries ?? []), ...(more?.entries ?? [])];
  const cursor = more ? more.cursor : (page?.cursor ?? null);
  const hasMore = more ? more.hasMore : (page?.hasMore ?? false);
  const names = new Map([
    ...(erased.remote.state === 'ready' ? erased.remote.value.map((p) => [p.userId, p.pseudonym] as const) : []),
    ...(users.remote.state === 'ready' ? users.remote.value.map((u) => [u.id, u.displayName] as const) : []),
  ]);

  const loadMore = async () => {
    if (isBusy) return;
    setBusy(true);
    setProblem(null);
    try {
      const next = await (await api()).audit(cursor, PAGE);
      setMore((m) => ({ entries: [...(m?.entries ?? []), ...next.entries], cursor: next.cursor, hasMore: next.hasMore }));
    } catch (error) {
      setProblem(problemText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t('audit.intro')}</p>
      <RemoteState remote={first.remote} t={t} onRetry={first.reload} />
      {page &&
        (entries.length === 0 ? (
          <p class="muted">{t('audit.none')}</p>
        ) : (
          <ol class="audit-list" data-testid="audit-list">
            {entries.map((entry) => (
              <li key={entry.seq}>
                <AuditLine entry={entry} t={t} names={names} />
              </li>
            ))}
          </ol>
        ))}
      <ErrorSummary message={problem} />
      {page &&
        (hasMore ? (
          <button type="button" class="button button-block" aria-disabled={isBusy ? 'true' : undefined} onClick={() => void loadMore()}>
            {isBusy ? t('online.loading') : t('audit.more')}
          </button>
        ) : (
          entries.length > 0 && <p class="muted">{t('audit.end')}</p>
        ))}
    </>
  );
}

function AuditLine({ entry, t, names }: { entry: AuditEntry; t: AdminT; names: ReadonlyMap<string, string> }) {
  const { lang, config } = useApp();
  const when = dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(entry.at);
  const action = (AUDIT_ACTIONS as readonly string[]).includes(entry.action)
    ? t(`auditAction.${entry.action as (typeof AUDIT_ACTIONS)[number]}`)
    : entry.action;
  const typeKey = `recordType.${entry.recordType}`;
  // A record type this version has no words for (a newer server) shows as it is.
  const type = entry.recordType && isAdminKey(typeKey) ? t(typeKey) : entry.recordType;
  const userName = entry.userId ? (names.get(entry.userId) ?? shortId(entry.userId)) : null;
  return (
    <>
      <p>
        <strong>{action}</strong>
        {type ? ` · ${type}` : ''}
        {entry.recordId ? ` ${recordName(entry.recordType, entry.recordId, config, names)}` : ''}
      </p>
      <p class="muted">
        <time dateTime={new Date(entry.at).toISOString()}>{when}</time> · {t('audit.who', { user: userName ?? t('audit.server') })}
        {entry.deviceId ? ` · ${t('audit.device', { device: shortId(entry.deviceId) })}` : ''}
      </p>
      {entry.fields.length > 0 && <p class="muted">{t('audit.fields', { fields: entry.fields.join(', ') })}</p>}
    </>
  );
}

/** A configuration item or a person by name; other records by a short id. */
function recordName(type: string | null, id: string, config: Config, names: ReadonlyMap<string, string>): string {
  if (type === 'user') return names.get(id) ?? shortId(id);
  const lists: Readonly<Record<string, ReadonlyArray<{ id: string; name?: string; label?: string }>>> = {
    buurt: config.buurten,
    partner: config.partners,
    theme: config.themes,
    project: config.projects,
    team: config.teams,
  };
  const item = type && Object.hasOwn(lists, type) ? lists[type]?.find((i) => i.id === id) : undefined;
  return item?.name ?? item?.label ?? shortId(id);
}

/** Ids are long; the tail tells them apart. */
function shortId(id: string): string {
  // A word joiner keeps the ellipsis on the line of the tail it belongs to.
  return id.length > 12 ? `…\u2060${id.slice(-8)}` : id;
}
