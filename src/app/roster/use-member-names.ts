import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';

/**
 * The display names of the tenant's people, for a coordinator when online
 * (the account API); an empty map otherwise, and the screens say "Teamlid 2".
 */
export function useMemberNames(): ReadonlyMap<string, string> {
  const { api, me } = useApp();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    if (me.role !== 'coordinator') return;
    let live = true;
    api()
      .then((client) => client.users())
      .then((users) => {
        if (live) setNames(new Map(users.map((user) => [user.id, user.displayName])));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [me.role]);
  return names;
}
