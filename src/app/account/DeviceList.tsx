import { useState } from 'preact/hooks';
import type { DeviceInfo } from '../../domain/auth.ts';
import { useApp } from '../context.ts';
import { formatRelative } from '../format.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { useNow } from '../hooks.ts';
import type { AccountT } from './pack.ts';
import type { Lang } from '../i18n/translate.ts';
import { problemText } from '../ui/problem-text.ts';
import { RemoteState } from './RemoteState.tsx';
import { useRemote } from '../ui/use-remote.ts';

type AccountApi = Awaited<ReturnType<ReturnType<typeof useApp>['api']>>;

/**
 * One person's devices as the server lists them, with revoke: "Mijn
 * toestellen" in Settings and a user's devices in Beheer. Needs a connection;
 * RemoteState says so when there is none.
 */
export function RemoteDeviceList(props: { load(api: AccountApi): Promise<DeviceInfo[]>; deps: readonly unknown[]; t: AccountT }) {
  const { api, lang, announce } = useApp();
  const now = useNow(60_000);
  const { remote, reload, set } = useRemote(() => api().then((a) => props.load(a)), props.deps);
  return (
    <>
      <RemoteState remote={remote} t={props.t} onRetry={reload} />
      {remote.state === 'ready' && (
        <DeviceList
          devices={remote.value}
          t={props.t}
          lang={lang}
          now={now}
          announce={announce}
          revoke={async (device) => {
            await (await api()).revokeDevice(device.id);
            set(remote.value.map((d) => (d.id === device.id ? { ...d, revokedAt: Date.now() } : d)));
          }}
        />
      )}
    </>
  );
}

/**
 * Devices with their name and when they were last seen; this one marked.
 * Any other live device can be revoked (a lost phone): it wipes its data at
 * its next contact with the server.
 */
export function DeviceList(props: {
  devices: readonly DeviceInfo[];
  t: AccountT;
  lang: Lang;
  now: number;
  /** The device id of this phone, when the list is someone else's (admin). */
  thisDeviceId?: string;
  revoke(device: DeviceInfo): Promise<void>;
  announce(text: string): void;
}) {
  const { t } = props;
  if (props.devices.length === 0) return <p class="muted">{t('devices.none')}</p>;
  const sorted = [...props.devices].sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent) || (b.lastSeenAt ?? 0) - (a.lastSeenAt ?? 0));
  return (
    <ul class="device-list" data-testid="device-list">
      {sorted.map((device) => (
        <DeviceItem key={device.id} {...props} device={device} isThis={device.isCurrent || device.id === props.thisDeviceId} />
      ))}
    </ul>
  );
}

function DeviceItem(props: Parameters<typeof DeviceList>[0] & { device: DeviceInfo; isThis: boolean }) {
  const { t, device } = props;
  const [problem, setProblem] = useState<string | null>(null);
  const isRevoked = device.revokedAt !== null;
  const confirm = async (close: () => void) => {
    try {
      await props.revoke(device);
      close();
      props.announce(t('devices.revokedDone', { name: device.name }));
    } catch (error) {
      setProblem(problemText(error, t));
    }
  };
  return (
    <li data-device-id={device.id}>
      <p class="device-name">
        {device.name}
        {props.isThis && <span class="badge badge-sent">{t('devices.thisDevice')}</span>}
      </p>
      <p class="muted">
        {isRevoked
          ? t('devices.revoked')
          : device.lastSeenAt === null
            ? t('devices.neverSeen')
            : t('devices.lastSeen', { when: formatRelative(props.lang, t, device.lastSeenAt, props.now) })}
      </p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      {!isRevoked && !props.isThis && (
        <ConfirmButton
          variant="in-list"
          label={t('devices.revoke')}
          ariaLabel={t('devices.revokeLabel', { name: device.name })}
          questionId={`revoke-${device.id}`}
          question={t('devices.revokeConfirm', { name: device.name })}
          yes={t('devices.revokeYes')}
          no={t('devices.revokeNo')}
          focus="yes"
          onConfirm={confirm}
        />
      )}
    </li>
  );
}
