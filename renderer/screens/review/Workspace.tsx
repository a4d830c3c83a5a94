import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ReviewView } from '../../../shared/ipc/reviews';
import type { Evidence, ReviewAnswers } from '../../../shared/rubric/answers';
import type { Rubric } from '../../../shared/rubric/schema';
import { checkSubmittable, type SubmitProblem } from '../../../shared/rubric/validate';
import { formatClock } from '../../../shared/review/wallclock';
import { Player, type PlayerHandle } from '../../components/Player';
import { call } from '../../lib/api';
import { useAsync } from '../../lib/useAsync';
import { incidentName, ukDateTime, ukTime } from './format';
import { HistoryView } from './HistoryView';
import { OthersPanel } from './OthersPanel';
import type { OpenTarget } from './Queue';
import { ScoringForm } from './ScoringForm';
import { SubmitPanel, type Mode } from './SubmitPanel';
import { useAutosave, type SaveState } from './useAutosave';

interface Props {
  target: OpenTarget;
  onBack(): void;
  onOpen(t: OpenTarget): void;
}

/** Loads one assigned incident (review, clips, rubric) and hands it to the workspace proper. */
export function Workspace({ target, onBack, onOpen }: Props) {
  const data = useAsync(async () => {
    const view = await call('reviews.get', target);
    const rubric = await call('rubrics.get', { id: view.round.rubricId, version: view.round.rubricVersion });
    return { view, rubric };
  }, [target.roundId, target.incidentId]);
  const current = data.data && data.data.view.incident.id === target.incidentId && data.data.view.round.id === target.roundId ? data.data : undefined;
  if (data.error) {
    return (
      <div>
        <button type="button" onClick={onBack}>
          ← My reviews
        </button>
        <h1 id="screen-title">This review could not be opened</h1>
        <p className="error" role="alert">
          {data.error.message}
        </p>
      </div>
    );
  }
  if (!current) return <p role="status">Opening the incident…</p>;
  const { view, rubric } = current;
  return (
    <Loaded
      key={`${target.roundId}:${target.incidentId}:${view.review.status}:${view.review.revision}`}
      view={view}
      rubric={rubric}
      onBack={onBack}
      onOpen={onOpen}
      reload={data.reload}
    />
  );
}

function isTextEntry(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  if (!e) return false;
  if (e.tagName === 'TEXTAREA' || e.isContentEditable) return true;
  return e.tagName === 'INPUT' && !['radio', 'checkbox', 'button'].includes((e as HTMLInputElement).type);
}

function saveText(s: SaveState, view: ReviewView): string {
  switch (s.kind) {
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${ukTime(s.at)}`;
    case 'error':
      return 'Not saved';
    case 'idle':
      if (view.review.status === 'draft' && view.review.updatedAt) return `Draft saved ${ukTime(view.review.updatedAt)}`;
      return view.review.status === 'not_started' ? 'Not started yet: every change is saved as you go' : '';
  }
}

function Loaded({ view, rubric, onBack, onOpen, reload }: { view: ReviewView; rubric: Rubric; onBack(): void; onOpen(t: OpenTarget): void; reload(): void }) {
  const target = { roundId: view.round.id, incidentId: view.incident.id };
  const player = useRef<PlayerHandle>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const [answers, setAnswers] = useState<ReviewAnswers>(view.review.answers);
  // The latest answers and mode for stable callbacks: a keystroke in one note re-renders that item only.
  const latest = useRef(answers);
  const [mode, setMode] = useState<Mode>(view.review.status === 'submitted' ? 'locked' : 'editing');
  const modeNow = useRef(mode);
  modeNow.current = mode;
  const [problems, setProblems] = useState<SubmitProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [pinNote, setPinNote] = useState('');
  const focusedItem = useRef<string | null>(null);

  const save = useCallback((a: ReviewAnswers) => call('reviews.saveDraft', { ...target, answers: a }), [target.roundId, target.incidentId]);
  const autosave = useAutosave(save);

  useEffect(() => title.current?.focus(), []);

  const editable = mode !== 'locked';
  const { schedule } = autosave;
  const update = useCallback(
    (change: (a: ReviewAnswers) => ReviewAnswers) => {
      const next = change(latest.current);
      latest.current = next;
      setAnswers(next);
      setProblems((found) => (found.length > 0 ? checkSubmittable(rubric, next) : found));
      if (modeNow.current === 'editing') schedule(next);
    },
    [rubric, schedule],
  );
  function reset(to: ReviewAnswers) {
    latest.current = to;
    setAnswers(to);
  }

  const pin = useCallback(
    (itemId: string) => {
      const item = rubric.items.find((i) => i.id === itemId);
      if (!item || modeNow.current === 'locked' || latest.current.scope === 'no') return;
      const pos = player.current?.position();
      if (!pos) {
        setPinNote('Nothing to pin: choose a camera that can be played first.');
        return;
      }
      const second = Math.round(pos.second * 100) / 100;
      const current = latest.current.items[itemId] ?? { answer: null, notes: '', evidence: [] };
      if (current.evidence.some((e) => e.clipId === pos.clipId && e.second === second)) {
        setPinNote(`Item ${item.number} already has a pin at ${formatClock(second)}.`);
        return;
      }
      update((a) => ({ ...a, items: { ...a.items, [itemId]: { ...current, evidence: [...current.evidence, { clipId: pos.clipId, second }] } } }));
      setPinNote(`Pinned ${formatClock(second)} to item ${item.number}.`);
    },
    [rubric, update],
  );

  const seek = useCallback((p: Evidence) => {
    player.current?.seek(p.clipId, p.second);
    setPinNote(`Went to ${formatClock(p.second)}.`);
  }, []);
  const focusItem = useCallback((id: string) => {
    focusedItem.current = id;
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'p' && e.key !== 'P') return;
    if (e.ctrlKey || e.metaKey || (!e.altKey && isTextEntry(e.target))) return;
    const itemId = focusedItem.current ?? rubric.items[0]?.id;
    if (!itemId) return;
    e.preventDefault();
    pin(itemId);
  }

  const onPlay = useCallback((clipId: number) => {
    void call('reviews.consulted', { clipId }).catch(() => undefined);
  }, []);

  function goTo(p: SubmitProblem) {
    const box = document.getElementById(`q-${p.questionId}`);
    if (!box) return;
    let el: HTMLElement | null = null;
    if (p.questionId === 'escalation') el = document.getElementById('esc-note');
    else if (p.questionId === rubric.overall.id && answers.overall.answer !== null) el = document.getElementById('overall-note');
    el ??= box.querySelector<HTMLElement>('input:checked:not(:disabled)') ?? box.querySelector<HTMLElement>('input:not(:disabled), textarea:not(:disabled)');
    box.scrollIntoView({ block: 'center' });
    el?.focus();
  }

  function refuse(found: SubmitProblem[]) {
    setProblems(found);
    // Focus the first link, so a keyboard user lands on the list that was just announced.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.problems a')?.focus());
  }

  async function submit() {
    const found = checkSubmittable(rubric, answers);
    if (found.length > 0) return refuse(found);
    setBusy(true);
    setActionError(null);
    try {
      await autosave.settle();
      await call('reviews.submit', { ...target, answers });
      reload();
    } catch (e) {
      setActionError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function saveAmendment(reason: string) {
    const found = checkSubmittable(rubric, answers);
    if (found.length > 0) return refuse(found);
    setBusy(true);
    setActionError(null);
    try {
      await call('reviews.amend', { ...target, answers, reason });
      reload();
    } catch (e) {
      setActionError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  // The player re-renders only when a pin changes, not on every keystroke in a note.
  const pinList = rubric.items.flatMap((item) => (answers.items[item.id]?.evidence ?? []).map((e) => ({ ...e, label: `item ${item.number}` })));
  const pinKey = JSON.stringify(pinList);
  const pins = useMemo(() => pinList, [pinKey]);
  const { position } = view;
  const name = incidentName(view.incident);
  const missing = new Set(problems.map((p) => p.questionId));
  const status = saveText(autosave.state, view);

  return (
    <div className="workspace" onKeyDown={onKeyDown}>
      <div className="ws-head">
        <button type="button" onClick={onBack}>
          ← My reviews
        </button>
        <nav className="ws-nav" aria-label="Incidents in this round">
          <button
            type="button"
            disabled={position.previousIncidentId === null}
            onClick={() => position.previousIncidentId !== null && onOpen({ roundId: view.round.id, incidentId: position.previousIncidentId })}
          >
            ← Previous
          </button>
          <span>
            Incident {position.index + 1} of {position.total}
          </span>
          <button
            type="button"
            disabled={position.nextIncidentId === null}
            onClick={() => position.nextIncidentId !== null && onOpen({ roundId: view.round.id, incidentId: position.nextIncidentId })}
          >
            Next →
          </button>
        </nav>
      </div>
      <h1 id="screen-title" ref={title} tabIndex={-1}>
        {name}
      </h1>
      <p className="ws-meta">
        {view.round.name} · started {ukDateTime(view.incident.startedAt)}
        {view.incident.bcu ? ` · ${view.incident.bcu}` : ''}
        {view.incident.team ? ` · ${view.incident.team}` : ''}
        {view.incident.categories.length ? ` · ${view.incident.categories.join(', ')}` : ''} · rubric {view.round.rubricId} v{view.round.rubricVersion}
      </p>
      <div className="split">
        <div className="ws-left">
          {view.clips.length === 0 ? (
            <p className="panel">No clips are linked to this incident. Score what cannot be seen as “Not visible on footage”.</p>
          ) : (
            <Player ref={player} clips={view.clips} pins={pins} onPlay={onPlay} />
          )}
          <p className="pin-note" role="status" aria-live="polite">
            {pinNote}
          </p>
        </div>
        <div className="ws-right">
          <div className="save-bar">
            <p className="save-status" role="status" aria-live="polite">
              {status}
            </p>
            {mode === 'amending' && <p className="hint">Amending: changes are kept only when you save the amendment with a reason.</p>}
            {autosave.state.kind === 'error' && (
              <div className="error" role="alert">
                Your last change was not saved: {autosave.state.message}{' '}
                <button type="button" onClick={() => void autosave.flush()}>
                  Try again
                </button>
              </div>
            )}
          </div>
          {view.calibration.blind && <OthersPanel rubric={rubric} mine={answers} others={view.calibration.others} blind />}
          <p className="hint">
            Shortcut: <kbd>P</kbd> (or <kbd>Alt</kbd>+<kbd>P</kbd> while typing a note) pins the current moment to the item you are working on.
          </p>
          <ScoringForm
            rubric={rubric}
            answers={answers}
            clips={view.clips}
            editable={editable}
            missing={missing}
            update={update}
            onPin={pin}
            onSeek={seek}
            onFocusItem={focusItem}
          />
          <SubmitPanel
            mode={mode}
            revision={view.review.revision}
            submittedAt={view.review.submittedAt}
            problems={problems}
            busy={busy}
            error={actionError}
            onSubmit={() => void submit()}
            onStartAmend={() => setMode('amending')}
            onCancelAmend={() => {
              reset(view.review.answers);
              setProblems([]);
              setMode('locked');
            }}
            onSaveAmend={(reason) => void saveAmendment(reason)}
            onGoTo={goTo}
          />
          <HistoryView history={view.history} />
          {!view.calibration.blind && <OthersPanel rubric={rubric} mine={answers} others={view.calibration.others} blind={false} />}
        </div>
      </div>
    </div>
  );
}
