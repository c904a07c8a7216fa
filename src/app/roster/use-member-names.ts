import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';

/**
 * The display names this phone knows of the people on the roster and in a
 * round: one's own (the session), the names the team's sign-ups carry
 * (each member's phone writes its own), and for a coordinator online the
 * account list, with erased people under their pseudonym. Whoever is
 * missing reads "Teamlid 2" (walkerName in patrol/labels.ts).
 */
export function useMemberNames(): ReadonlyMap<string, string> {
  const { api, me } = useApp();
  const [accounts, setAccounts] = useState<ReadonlyMap<string, string>>(() => new Map());
  const signUps = useLive((store) => store.roster.memberNames(), []);
  useEffect(() => {
    if (me.role !== 'coordinator') return;
    let live = true;
    api()
      .then((client) => Promise.all([client.users(), client.erased().catch(() => [])]))
      .then(([users, erased]) => {
        if (live)
          setAccounts(
            new Map([...erased.map((person) => [person.userId, person.pseudonym] as const), ...users.map((user) => [user.id, user.displayName] as const)]),
          );
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [me.role]);
  return new Map([...(signUps ?? []), ...accounts, [me.userId, me.displayName]]);
}
