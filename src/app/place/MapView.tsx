/**
 * A small map of findings, drawn as one SVG: PDOK BRT-Achtergrondkaart tiles
 * as `<image>` elements placed by web-mercator math (tiles.ts), numbered
 * markers on top. SVG needs no style attributes (the Content-Security-Policy
 * allows none) and prints as it shows.
 *
 * Without a network, or when tiles fail to load, the same points are drawn
 * on a plain background in the right places relative to each other, with a
 * note saying why there is no map: the app lists and places findings
 * without tiles. With `onPick` the map is for pointing out a place (drag to
 * pan, + and − to zoom, tap to pick, keys too); without it a static
 * overview, as the printed schouw report uses it. With `track`, a route is
 * drawn under the markers as a line with its start and end (a patrol round).
 */
import { spreadMarkers } from './marker-spread.ts';
import './place.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { useT } from '../i18n/use-t.ts';
import { placePack } from './pack.ts';
import { fitView, fromScreen, panBy, toScreen, visibleTiles, zoomBy, type LatLon, type MapViewState } from './tiles.ts';

export type MapPoint = { id: string; lat: number; lon: number; label: string };

/** An area drawn as a circle of `radius` screen pixels at a point (reach per PC4), with a short text in it and a tooltip. */
export type MapCircle = { id: string; lat: number; lon: number; radius: number; text: string; label: string };

export type MapViewProps = {
  /** `label`: the marker's text when it is short (a point number), else the marker shows its position in the list; always its tooltip. */
  points: ReadonlyArray<MapPoint>;
  picked?: LatLon | null;
  onPick?(point: LatLon): void;
  online: boolean;
  class?: string;
  /** Where to open when there is nothing to show yet (tiles.ts homeView). */
  home?: MapViewState;
  /** A route walked, in order: a line from its start to its end, under the markers. */
  track?: ReadonlyArray<LatLon>;
  /** What the map shows, for screen readers (default: the number of findings). */
  label?: string;
  /** Circles under the markers, largest first so a small one stays visible on a large one. */
  circles?: ReadonlyArray<MapCircle>;
  /** How close the map may open (default: street level for one point); an area needs less. */
  maxZoom?: number;
};

const DEFAULT_WIDTH = 600;
/** Further than this between pointer down and up is a drag, not a tap. */
const DRAG_THRESHOLD_PX = 8;
const KEY_PAN_PX = 80;

export function mapHeightFor(width: number): number {
  return Math.round(Math.min(420, Math.max(240, width * 0.7)));
}

export function markerText(label: string, index: number): string {
  return label.length > 0 && label.length <= 3 ? label : String(index + 1);
}

type Drag = { pointerId: number; x: number; y: number; isMoved: boolean; start: MapViewState };

export function MapView(props: MapViewProps) {
  const t = useT(placePack);
  const { points, picked = null, onPick, online } = props;
  const isPicking = onPick !== undefined;
  const wrapRef = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const height = mapHeightFor(width);
  // Once the person pans, zooms or picks, the view is theirs: a new pick must not make the map jump.
  const [ownView, setOwnView] = useState<MapViewState | null>(null);
  const [hasTileFailed, setTileFailed] = useState(false);

  useEffect(() => {
    const element = wrapRef.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.round(element.clientWidth);
      if (measured > 0) setWidth(measured);
    };
    measure();
    const Observer = element.ownerDocument.defaultView?.ResizeObserver;
    if (!Observer) return;
    const observer = new Observer(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (online) setTileFailed(false);
  }, [online]);

  const track = props.track ?? [];
  const circles = [...(props.circles ?? [])].sort((a, b) => b.radius - a.radius);
  const largest = circles[0]?.radius ?? 0;
  const view =
    ownView ??
    fitView([...points, ...circles, ...track, ...(picked ? [picked] : [])], width, height, {
      ...(props.home ? { fallback: props.home } : {}),
      ...(props.maxZoom !== undefined ? { maxZoom: props.maxZoom } : {}),
      ...(largest > 0 ? { padding: Math.max(32, largest + 8) } : {}),
    });
  const tiles = online ? visibleTiles(view, width, height) : [];
  const isNoteShown = !online || hasTileFailed;

  const pick = (point: LatLon) => {
    setOwnView(view);
    onPick?.(point);
  };
  const move = (next: MapViewState) => setOwnView(next);

  const svgPoint = (event: JSX.TargetedPointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: (event.clientX - rect.left) * (rect.width > 0 ? width / rect.width : 1),
      y: (event.clientY - rect.top) * (rect.height > 0 ? height / rect.height : 1),
    };
  };

  const pointerHandlers = isPicking
    ? {
        onPointerDown(event: JSX.TargetedPointerEvent<SVGSVGElement>) {
          if (event.button > 0) return;
          drag.current = { pointerId: event.pointerId, ...svgPoint(event), isMoved: false, start: view };
          event.currentTarget.setPointerCapture?.(event.pointerId);
        },
        onPointerMove(event: JSX.TargetedPointerEvent<SVGSVGElement>) {
          const current = drag.current;
          if (!current || current.pointerId !== event.pointerId) return;
          const p = svgPoint(event);
          const [dx, dy] = [p.x - current.x, p.y - current.y];
          if (!current.isMoved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
          current.isMoved = true;
          move(panBy(current.start, dx, dy));
        },
        onPointerUp(event: JSX.TargetedPointerEvent<SVGSVGElement>) {
          const current = drag.current;
          drag.current = null;
          if (!current || current.pointerId !== event.pointerId || current.isMoved) return;
          pick(fromScreen(view, width, height, svgPoint(event)));
        },
        onPointerCancel() {
          drag.current = null;
        },
        onKeyDown(event: JSX.TargetedKeyboardEvent<SVGSVGElement>) {
          const step: Record<string, () => void> = {
            ArrowLeft: () => move(panBy(view, KEY_PAN_PX, 0)),
            ArrowRight: () => move(panBy(view, -KEY_PAN_PX, 0)),
            ArrowUp: () => move(panBy(view, 0, KEY_PAN_PX)),
            ArrowDown: () => move(panBy(view, 0, -KEY_PAN_PX)),
            '+': () => move(zoomBy(view, 1)),
            '=': () => move(zoomBy(view, 1)),
            '-': () => move(zoomBy(view, -1)),
            Enter: () => pick(fromScreen(view, width, height, { x: width / 2, y: height / 2 })),
          };
          const action = step[event.key];
          if (!action) return;
          event.preventDefault();
          action();
        },
      }
    : {};

  const label = isPicking
    ? t('map.pickLabel')
    : props.label !== undefined
      ? props.label
      : points.length === 1
        ? t('map.labelOne')
        : t('map.label', { count: points.length });
  const classes = ['place-map', isPicking ? 'place-map-picking' : 'place-map-static', props.class].filter(Boolean).join(' ');

  return (
    <div class={classes} ref={wrapRef}>
      {isPicking && <p class="place-map-hint">{t('map.pickHint')}</p>}
      <svg
        class="place-map-canvas"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role={isPicking ? 'application' : 'img'}
        aria-label={label}
        // Lower case: SVG attributes are case-sensitive, and Preact sets `tabIndex` on an <svg> as written (not focusable).
        tabindex={isPicking ? 0 : undefined}
        {...pointerHandlers}
      >
        <rect class="place-map-plain" x="0" y="0" width={width} height={height} />
        {tiles.map((tile) => (
          <image
            key={tile.key}
            class="place-map-tile"
            href={tile.url}
            x={tile.x}
            y={tile.y}
            width={tile.size}
            height={tile.size}
            preserveAspectRatio="none"
            onError={() => setTileFailed(true)}
          />
        ))}
        {circles.map((circle) => {
          const at = toScreen(view, width, height, circle);
          return (
            <g key={circle.id} class="place-map-circle" transform={`translate(${at.x.toFixed(1)} ${at.y.toFixed(1)})`}>
              <title>{circle.label}</title>
              <circle r={circle.radius.toFixed(1)} />
              <text text-anchor="middle" dominant-baseline="central">
                {circle.text}
              </text>
            </g>
          );
        })}
        {track.length > 0 && (
          <TrackLine points={track.map((point) => toScreen(view, width, height, point))} start={t('map.trackStart')} end={t('map.trackEnd')} />
        )}
        {spreadMarkers(points.map((point) => toScreen(view, width, height, point))).map(({ at, spot, isMoved }, index) => {
          const point = points[index] as MapPoint;
          return (
            <g key={point.id} class="place-map-marker" transform={`translate(${at.x.toFixed(1)} ${at.y.toFixed(1)})`}>
              <title>{point.label}</title>
              {isMoved && (
                <>
                  <line class="place-map-marker-leg" x1={(spot.x - at.x).toFixed(1)} y1={(spot.y - at.y).toFixed(1)} x2="0" y2="0" />
                  <circle class="place-map-marker-spot" cx={(spot.x - at.x).toFixed(1)} cy={(spot.y - at.y).toFixed(1)} r="3" />
                </>
              )}
              <circle r="14" />
              <text text-anchor="middle" dominant-baseline="central">
                {markerText(point.label, index)}
              </text>
            </g>
          );
        })}
        {picked && <PickedMarker at={toScreen(view, width, height, picked)} title={t('map.picked')} />}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <path> takes no focus (the <svg> does); the crosshair is decoration. */}
        {isPicking && <path class="place-map-crosshair" d={`M${width / 2 - 8} ${height / 2}h16M${width / 2} ${height / 2 - 8}v16`} aria-hidden="true" />}
      </svg>
      {isNoteShown && (
        <p class="place-map-note" role="note">
          {t('map.noTiles')}
        </p>
      )}
      {online && <p class="place-map-attribution">{t('map.attribution')}</p>}
      {isPicking && (
        <div class="place-map-controls">
          <button type="button" class="button" aria-label={t('map.zoomIn')} onClick={() => move(zoomBy(view, 1))}>
            <span aria-hidden="true">+</span>
          </button>
          <button type="button" class="button" aria-label={t('map.zoomOut')} onClick={() => move(zoomBy(view, -1))}>
            <span aria-hidden="true">−</span>
          </button>
          <button type="button" class="button" onClick={() => pick(fromScreen(view, width, height, { x: width / 2, y: height / 2 }))}>
            {t('map.pickCentre')}
          </button>
        </div>
      )}
    </div>
  );
}

/** The route: a light casing under a dark line (visible on tiles and on the plain background), a round start and a square end. */
function TrackLine({ points, start, end }: { points: ReadonlyArray<{ x: number; y: number }>; start: string; end: string }) {
  const path = points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const first = points[0] as { x: number; y: number };
  const last = points.at(-1) as { x: number; y: number };
  return (
    <g class="place-map-track">
      {points.length > 1 && (
        <>
          <polyline class="place-map-track-casing" points={path} />
          <polyline class="place-map-track-line" points={path} />
        </>
      )}
      <circle class="place-map-track-start" cx={first.x.toFixed(1)} cy={first.y.toFixed(1)} r="7">
        <title>{start}</title>
      </circle>
      {points.length > 1 && (
        <rect class="place-map-track-end" x={(last.x - 6).toFixed(1)} y={(last.y - 6).toFixed(1)} width="12" height="12">
          <title>{end}</title>
        </rect>
      )}
    </g>
  );
}

function PickedMarker({ at, title }: { at: { x: number; y: number }; title: string }) {
  // A pin whose point is the place: the finger that tapped does not hide it.
  return (
    <g class="place-map-picked" transform={`translate(${at.x.toFixed(1)} ${at.y.toFixed(1)})`}>
      <title>{title}</title>
      <path d="M0 0C-4 -10 -12 -14 -12 -24A12 12 0 1 1 12 -24C12 -14 4 -10 0 0Z" />
      <circle cx="0" cy="-24" r="4.5" />
    </g>
  );
}
