/**
 * Records the route of the round on screen while it runs with the walkers'
 * opt-in (track-recorder.ts), from the browser's Geolocation; stops when the
 * round ends, the route is turned off or the screen closes, and writes what
 * is waiting when the page is hidden (the phone locks, the app goes to the
 * background), so at most 30 s of route is lost if the app is then killed.
 */
import { useEffect } from 'preact/hooks';
import { decodeTrack } from '../../domain/patrol-track.ts';
import { useApp } from '../context.ts';
import { recordTrack } from './track-recorder.ts';

export function useTrackRecording(roundId: string, isRecording: boolean, track: string | null): void {
  const { platform, store, now } = useApp();
  const view = platform.document.defaultView;
  const geolocation = view?.navigator.geolocation;
  useEffect(() => {
    if (!isRecording || !geolocation) return;
    // The stored track when recording starts (or the screen opens again): the recorder goes on from its last point.
    const last = track === null || track === '' ? null : (decodeTrack(track).at(-1) ?? null);
    const recorder = recordTrack({ geolocation, now, last, write: (fixes) => store.patrol.appendTrack(roundId, fixes) });
    const onHidden = () => {
      if (platform.document.visibilityState === 'hidden') void recorder.flush();
    };
    platform.document.addEventListener('visibilitychange', onHidden);
    view?.addEventListener('pagehide', onHidden);
    return () => {
      platform.document.removeEventListener('visibilitychange', onHidden);
      view?.removeEventListener('pagehide', onHidden);
      void recorder.stop();
    };
    // The track is read once per start: its own writes must not restart the recorder.
  }, [roundId, isRecording, geolocation]);
}
