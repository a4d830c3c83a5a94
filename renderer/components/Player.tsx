import { forwardRef, memo, useEffect, useImperativeHandle, useRef, useState } from 'react';
import videojs from 'video.js';
import 'video.js/dist/video-js.css';
import { formatClock, secondForSameMoment } from '../../shared/review/wallclock';

type VjsPlayer = ReturnType<typeof videojs>;

export interface PlayerClip {
  id: number;
  /** e.g. "PC 4521 · camera X81234" */
  label: string;
  recordedAt: string | null;
  durationSec: number | null;
  frameRate: number | null;
  playable: boolean;
  unplayableReason: string | null;
  missing: boolean;
}

export interface PlayerPin {
  clipId: number;
  second: number;
  label: string;
}

export interface PlayerHandle {
  seek(clipId: number, second: number): void;
  /** The playhead, or null when no playable clip is showing. */
  position(): { clipId: number; second: number } | null;
}

interface Props {
  clips: PlayerClip[];
  pins: PlayerPin[];
  /** Called when a clip starts playing for the first time in this view (consultation logging). */
  onPlay?(clipId: number): void;
}

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
export const PLAYER_SHORTCUTS: [string, string][] = [
  ['Space or K', 'play / pause'],
  ['J or ←', 'back 5 s'],
  ['L or →', 'forward 5 s'],
  [', and .', 'previous / next frame'],
  ['[ and ]', 'slower / faster (0.5–2×)'],
  ['M', 'mute'],
  ['F', 'fullscreen'],
];

/** True when a key press belongs to a text field rather than to the player. */
function typingTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * video.js player over media://clip/<id> with a camera list. Switching camera keeps the wall-clock moment where
 * recorded times allow. Evidence pins are drawn as buttons on a timeline under the video, so they can be reached
 * and activated by keyboard. A clip the app cannot play (HEVC, Matroska, missing file) shows why, instead of a
 * black box.
 */
const PlayerView = forwardRef<PlayerHandle, Props>(function Player({ clips, pins, onPlay }, ref) {
  const holder = useRef<HTMLDivElement>(null);
  const player = useRef<VjsPlayer | null>(null);
  const [clipId, setClipId] = useState<number | null>(clips[0]?.id ?? null);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState(1);
  const [status, setStatus] = useState('');
  const pendingSeek = useRef<number | null>(null);
  const played = useRef(new Set<number>());
  const clip = clips.find((c) => c.id === clipId) ?? null;
  const canPlay = !!clip && clip.playable && !clip.missing;

  // Create the video.js player once; its element lives outside React's reconciliation.
  useEffect(() => {
    const video = document.createElement('video-js');
    video.classList.add('vjs-default-skin');
    video.setAttribute('aria-label', 'Footage');
    holder.current!.appendChild(video);
    const p = videojs(video, { controls: true, fluid: true, preload: 'auto', playbackRates: SPEEDS, userActions: { hotkeys: false } });
    p.on('timeupdate', () => setTime(p.currentTime() ?? 0));
    p.on('loadedmetadata', () => {
      setDuration(p.duration() ?? 0);
      if (pendingSeek.current !== null) {
        p.currentTime(pendingSeek.current);
        pendingSeek.current = null;
      }
    });
    p.on('ratechange', () => setSpeed(p.playbackRate() ?? 1));
    p.on('error', () => setStatus(`This clip could not be played: ${p.error()?.message ?? 'unknown error'}`));
    player.current = p;
    return () => {
      p.dispose();
      player.current = null;
    };
  }, []);

  useEffect(() => {
    const p = player.current;
    if (!p || !clip) return;
    setStatus('');
    if (!canPlay) {
      p.pause();
      p.reset();
      return;
    }
    p.src({ src: `media://clip/${clip.id}`, type: 'video/mp4' });
    const rate = speed;
    p.one('loadedmetadata', () => p.playbackRate(rate));
    // Only a change of clip (or of whether it can play) loads a new source; speed and seeks are applied to it.
  }, [clip?.id, canPlay]);

  useEffect(() => {
    const p = player.current;
    if (!p) return;
    const onPlaying = () => {
      if (clipId !== null && !played.current.has(clipId)) {
        played.current.add(clipId);
        onPlay?.(clipId);
      }
    };
    p.on('playing', onPlaying);
    return () => p.off('playing', onPlaying);
  }, [clipId, onPlay]);

  function selectClip(id: number, second?: number) {
    if (id === clipId) {
      if (second !== undefined) player.current?.currentTime(second);
      return;
    }
    const target = clips.find((c) => c.id === id);
    if (!target) return;
    const from = clip;
    const next = second ?? (from ? secondForSameMoment(from, player.current?.currentTime() ?? 0, target).second : 0);
    pendingSeek.current = next;
    setTime(next);
    setClipId(id);
  }

  useImperativeHandle(ref, () => ({
    seek: (id, second) => selectClip(id, second),
    // A pin must point at footage someone can watch again: none on a missing or undecodable clip.
    position: () => (clipId === null || !canPlay ? null : { clipId, second: player.current?.currentTime() ?? time }),
  }));

  function step(seconds: number) {
    const p = player.current;
    if (!p || !canPlay) return;
    p.currentTime(Math.max(0, Math.min((p.currentTime() ?? 0) + seconds, p.duration() || Infinity)));
  }
  function frame(dir: 1 | -1) {
    const p = player.current;
    if (!p || !canPlay) return;
    p.pause();
    step(dir / (clip?.frameRate && clip.frameRate > 0 ? clip.frameRate : 25));
  }
  function changeSpeed(dir: 1 | -1) {
    const p = player.current;
    if (!p) return;
    const i = SPEEDS.indexOf(p.playbackRate() ?? 1);
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 2 : i) + dir))]!;
    p.playbackRate(next);
    setStatus(`Speed ${next}×`);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (typingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const p = player.current;
    if (!p) return;
    const handled = (() => {
      switch (e.key) {
        case ' ':
          if ((e.target as HTMLElement).tagName === 'BUTTON') return false;
          if (p.paused()) void p.play();
          else p.pause();
          return true;
        case 'k':
        case 'K':
          p.pause();
          return true;
        case 'j':
        case 'J':
        case 'ArrowLeft':
          step(-5);
          return true;
        case 'l':
        case 'L':
        case 'ArrowRight':
          step(5);
          return true;
        case ',':
          frame(-1);
          return true;
        case '.':
          frame(1);
          return true;
        case '[':
          changeSpeed(-1);
          return true;
        case ']':
          changeSpeed(1);
          return true;
        case 'm':
        case 'M':
          p.muted(!p.muted());
          return true;
        case 'f':
        case 'F':
          if (p.isFullscreen()) void p.exitFullscreen();
          else void p.requestFullscreen();
          return true;
        default:
          return false;
      }
    })();
    if (handled) e.preventDefault();
  }

  const clipPins = pins.filter((p) => p.clipId === clipId);
  const len = duration || clip?.durationSec || 0;
  return (
    <section className="player" aria-label="Footage player" onKeyDown={onKeyDown}>
      <div className="cameras" role="group" aria-label="Cameras">
        {clips.map((c) => (
          <button key={c.id} type="button" aria-pressed={c.id === clipId} onClick={() => selectClip(c.id)}>
            {c.label}
            {c.recordedAt ? ` · ${new Date(c.recordedAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' })}` : ''}
            {!c.playable || c.missing ? ' · cannot play' : ''}
          </button>
        ))}
      </div>
      <div className="video-holder" ref={holder} hidden={!canPlay} tabIndex={-1} />
      {clip && !canPlay && (
        <div className="panel unplayable" role="alert">
          <strong>{clip.missing ? 'This clip is missing from the library.' : 'This clip cannot be played in the app.'}</strong>{' '}
          {clip.missing
            ? 'The file has been moved or deleted since the library was indexed; re-index, or score what cannot be seen as “Not visible on footage”.'
            : `${clip.unplayableReason ?? ''} You can still complete the review: answer “Not visible on footage” where the footage cannot show it.`}
        </div>
      )}
      {canPlay && (
        <>
          <div className="transport" role="group" aria-label="Playback controls">
            <button type="button" onClick={() => step(-5)} aria-label="Back 5 seconds">−5 s</button>
            <button type="button" onClick={() => frame(-1)} aria-label="Previous frame">◀︎ frame</button>
            <button type="button" onClick={() => (player.current?.paused() ? void player.current?.play() : player.current?.pause())}>Play / pause</button>
            <button type="button" onClick={() => frame(1)} aria-label="Next frame">frame ▶︎</button>
            <button type="button" onClick={() => step(5)} aria-label="Forward 5 seconds">+5 s</button>
            <label>
              Speed{' '}
              <select value={speed} onChange={(e) => player.current?.playbackRate(Number(e.target.value))}>
                {SPEEDS.map((s) => (
                  <option key={s} value={s}>{`${s}×`}</option>
                ))}
              </select>
            </label>
            <span className="clock" aria-live="off">
              {formatClock(time)} / {formatClock(len)}
            </span>
          </div>
          <div className="pins-track" role="group" aria-label="Evidence pins on this clip">
            {clipPins.map((p, i) => (
              <button
                key={`${p.second}-${i}`}
                type="button"
                className="pin"
                style={{ left: `${len ? Math.min(100, (p.second / len) * 100) : 0}%` }}
                onClick={() => selectClip(p.clipId, p.second)}
                aria-label={`Go to ${formatClock(p.second)}: ${p.label}`}
                title={`${formatClock(p.second)} ${p.label}`}
              >
                ◆
              </button>
            ))}
          </div>
        </>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {status && !status.startsWith('Speed') && <p className="error">{status}</p>}
      <details className="shortcuts">
        <summary>Keyboard shortcuts</summary>
        <dl>
          {PLAYER_SHORTCUTS.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
});

/** Re-renders only when its clips, pins or callback change: typing in the scoring form beside it costs it nothing. */
export const Player = memo(PlayerView);
