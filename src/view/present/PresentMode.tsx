/**
 * Present mode: the map as full-screen slides (overview, one slide per stage, the strategy
 * summary), live: it re-renders when anyone edits the map. A modal dialog over the whole window
 * (browser full screen when the browser allows it, a fixed overlay otherwise), focus kept
 * inside and given back on leave, every slide change announced.
 *
 * Follow me goes through presence, never the doc: while I present I publish where I am
 * (`setPresenting`); a follower shows the presenter's slide (by stage id, so a reorder keeps
 * the right stage) until they page on their own, stop following or leave. When the presenter
 * stops, followers stay on the slide they were on, told so, free to go on or leave.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { deckContent } from '../../model/deck';
import type { MapSessionApi } from '../../model/session-api';
import { usePeers } from '../hooks/usePeers';
import { useStore } from '../hooks/useStore';
import { presentStoreFor, type PresentState } from './presentStore';
import {
  buildSlides,
  followedSlide,
  keyAction,
  presentingState,
  refOf,
  resolveSlide,
} from './slides';
import { SlideView, slideTitle } from './SlideView';
import { withFrequencyWords } from '../strategy/kpiFrequency';
import './present.css';
import '../screen-reader.css';

/** Clipboard events the presentation keeps from the map behind it (a paste would land there). */
const CLIPBOARD_EVENTS = ['copy', 'cut', 'paste'] as const;
const FOCUSABLE = 'button:not([disabled]), [href], input, select, textarea, [tabindex="0"]';

/** Whether follow-me is possible: a shared map, connected to a room. */
export function useCanFollow(session: MapSessionApi): boolean {
  const { connection } = useStore(session.sync);
  return Boolean(session.presence) && connection !== 'local';
}

function PresentDialog({
  session,
  state,
  host,
}: {
  session: MapSessionApi;
  state: Exclude<PresentState, { mode: 'closed' }>;
  host: HTMLElement;
}) {
  const { t } = useTranslation('present');
  const store = presentStoreFor(session);
  const snapshot = useStore(session.map);
  // KPI frequencies are stored as codes ("daily"): shown in the UI's language.
  const deck = useMemo(
    () => withFrequencyWords(deckContent(snapshot), (k) => t(k as never)),
    [snapshot, t],
  );
  const slides = useMemo(() => buildSlides(deck), [deck]);
  const peers = usePeers(session);
  const canFollow = useCanFollow(session);
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const slideRef = useRef<HTMLDivElement>(null);

  const presenter =
    state.mode === 'following' ? peers.find((p) => p.clientId === state.clientId) : undefined;
  const live = presenter?.presenting?.follow ? presenter.presenting : undefined;
  const index =
    state.mode === 'following' && !state.detached && live
      ? followedSlide(slides, live)
      : resolveSlide(slides, state.at);
  const slide = slides[index] ?? slides[0]!;
  const title = slideTitle(t, deck, slide);

  // A followed presenter who stopped (or turned follow off, or left the room): I stay here.
  useEffect(() => {
    if (state.mode === 'following' && !live)
      store.set({
        mode: 'presenting',
        at: refOf(slides, index),
        follow: false,
        presenterLeft: state.name,
      });
  }, [state, live, slides, index, store]);

  // While I present, the room sees where I am; nothing once I stop or follow someone.
  const presence = session.presence;
  const published = state.mode === 'presenting' && canFollow ? state.follow : null;
  useEffect(() => {
    if (!presence || published === null) return;
    presence.setPresenting(presentingState(slides, index, published));
  }, [presence, published, slides, index]);
  useEffect(() => {
    if (!presence || published === null) return;
    return () => presence.setPresenting(null);
  }, [presence, published]);

  const go = useCallback(
    (next: number) => {
      if (next === index) return;
      const at = refOf(slides, next);
      if (state.mode === 'following') store.set({ ...state, at, detached: true });
      else store.set({ mode: 'presenting', at, follow: state.follow });
    },
    [index, slides, state, store],
  );
  const leave = useCallback(() => store.set({ mode: 'closed' }), [store]);

  // Keys anywhere in the presentation (focus is kept inside it). Heard first (window, capture)
  // and kept from everything behind: the editor's shortcuts (1-4, L, C, I, arrows, Delete,
  // Ctrl+Z/D, paste) would otherwise act on the map under the slides.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      e.stopPropagation();
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if ((e.key === ' ' || e.key === 'Enter') && target?.closest('button')) return;
      if (e.key === 'Tab') {
        const items = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
        if (!items.length) return;
        const first = items[0]!;
        const last = items[items.length - 1]!;
        const inside = dialogRef.current?.contains(document.activeElement);
        if (e.shiftKey && (document.activeElement === first || !inside)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
          e.preventDefault();
          first.focus();
        }
        return;
      }
      const action = keyAction(e.key, index, slides.length);
      if (action === null) return;
      e.preventDefault();
      if (action === 'leave') leave();
      else go(action);
    };
    const keepFromMap = (e: Event) => e.stopPropagation();
    window.addEventListener('keydown', onKey, true);
    for (const type of CLIPBOARD_EVENTS) window.addEventListener(type, keepFromMap, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      for (const type of CLIPBOARD_EVENTS) window.removeEventListener(type, keepFromMap, true);
    };
  }, [index, slides.length, go, leave]);

  // Browser full screen when allowed; leaving it (Escape in the browser's hands) leaves.
  useEffect(() => {
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement === host) entered = true;
      else if (entered) store.set({ mode: 'closed' });
    };
    document.addEventListener('fullscreenchange', onChange);
    if (host.requestFullscreen && !document.fullscreenElement) {
      try {
        void host.requestFullscreen({ navigationUI: 'hide' }).catch(() => {
          // Refused (headless browser, no user gesture, iframe): the overlay fills the window.
        });
      } catch {
        // Same: an old browser that throws instead of rejecting.
      }
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement === host) void document.exitFullscreen().catch(() => {});
    };
  }, [host, store]);

  // Focus the slide when the dialog opens.
  useEffect(() => {
    slideRef.current?.focus({ preventScroll: true });
  }, []);

  const following = state.mode === 'following';
  const n = index + 1;
  return (
    <div
      ref={dialogRef}
      className="present"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
    >
      <h1 id={titleId} className="sr-only">
        {t('dialog', { title: deck.title.trim() || t('untitledMap') })}
      </h1>
      <div className="present-stagebox">
        <div
          ref={slideRef}
          className="present-slide"
          role="group"
          aria-roledescription="slide"
          aria-label={t('slideLabel', { n, total: slides.length, title })}
          tabIndex={0}
          data-slide={index}
        >
          <SlideView deck={deck} slide={slide} />
        </div>
      </div>
      <div className="present-bar">
        <div className="present-bar-side">
          {following ? (
            <>
              <span className="present-following">
                <span
                  className="present-dot"
                  style={{ background: presenter?.color }}
                  aria-hidden="true"
                />
                {t('follow.following', { name: state.name })}
              </span>
              {state.detached ? (
                <button
                  type="button"
                  className="present-btn present-btn-accent"
                  onClick={() => store.set({ ...state, detached: false })}
                >
                  {t('follow.back')}
                </button>
              ) : null}
              <button
                type="button"
                className="present-btn"
                onClick={() =>
                  store.set({ mode: 'presenting', at: refOf(slides, index), follow: false })
                }
              >
                {t('follow.stop')}
              </button>
            </>
          ) : canFollow ? (
            <button
              type="button"
              className={`present-btn${state.follow ? ' is-on' : ''}`}
              aria-pressed={state.follow}
              title={t('followMeHint')}
              onClick={() => store.set({ ...state, follow: !state.follow })}
            >
              {t('followMe')}
            </button>
          ) : null}
          {state.mode === 'presenting' && state.presenterLeft ? (
            <span className="present-note">
              {t('follow.presenterLeft', { name: state.presenterLeft })}
            </span>
          ) : null}
        </div>
        <div className="present-nav">
          <button
            type="button"
            className="present-btn"
            onClick={() => go(index - 1)}
            disabled={index === 0}
          >
            <span aria-hidden="true">← </span>
            {t('previous')}
          </button>
          <span className="present-count">{t('count', { n, total: slides.length })}</span>
          <button
            type="button"
            className="present-btn"
            onClick={() => go(index + 1)}
            disabled={index >= slides.length - 1}
          >
            {t('next')}
            <span aria-hidden="true"> →</span>
          </button>
        </div>
        <div className="present-bar-side present-bar-end">
          <span className="present-hint">{t('keysHint')}</span>
          <button type="button" className="present-btn" onClick={leave}>
            {t('leave')}
          </button>
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {t('announce', { n, total: slides.length, title })}
      </p>
    </div>
  );
}

/**
 * Shows Present mode for this session whenever its store says so (the Present button renders
 * it; following from the banner opens it too). Gives focus back to where it was on leave.
 */
export function PresentHost({ session }: { session: MapSessionApi }) {
  const store = presentStoreFor(session);
  const state = useStore(store);
  const open = state.mode !== 'closed';
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const back = document.activeElement as HTMLElement | null;
    const el = document.createElement('div');
    el.className = 'present-host';
    document.body.appendChild(el);
    // Everything else on the page is out of reach while the dialog is open.
    const others = [...document.body.children].filter(
      (x): x is HTMLElement => x !== el && x instanceof HTMLElement && !x.inert,
    );
    for (const x of others) x.inert = true;
    setHost(el);
    return () => {
      for (const x of others) x.inert = false;
      el.remove();
      setHost(null);
      // Opened from the banner, focus was on its Follow button, gone since: the Present button.
      const to =
        back && back !== document.body && back.isConnected
          ? back
          : document.querySelector<HTMLElement>('[data-present-button]');
      to?.focus({ preventScroll: true });
    };
  }, [open]);
  // Leaving the map (unmount) closes the presentation.
  useEffect(() => () => store.set({ mode: 'closed' }), [store]);
  if (!host || state.mode === 'closed') return null;
  return createPortal(<PresentDialog session={session} state={state} host={host} />, host);
}
