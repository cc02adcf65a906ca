/**
 * The shared workshop timer in the header: everyone in the room sees the same countdown (the
 * doc holds start time and duration, so a late joiner sees it too); editors set, start, pause
 * and reset it from its popover.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloseOnOutside } from '../hooks/useCloseOnOutside';
import { MAX_TIMER_MS } from '../../model/records/workshop-timer';
import type { WorkshopApi } from '../../model/session-api';
import { formatClock, isRunning, isTimeUp } from '../../model/workshop/timer';
import { useTimerRemaining, useWorkshop } from './useWorkshop';
import '../screen-reader.css';

const MINUTE = 60_000;

export function TimerControl({ api }: { api: WorkshopApi }) {
  const { t } = useTranslation('workshop');
  const s = useWorkshop(api);
  const left = useTimerRemaining(s);
  const running = isRunning(s.timer);
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState(() => String(Math.round(s.timer.durationMs / MINUTE)));
  const popId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useCloseOnOutside(open, ref, setOpen);
  const clock = formatClock(left);
  const done = isTimeUp(s.timer, left);
  const status = done
    ? t('timer.done')
    : running
      ? t('timer.running', { time: clock })
      : t('timer.paused', { time: clock });
  return (
    <div
      className="workshop-timer"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className={`timer-button${running ? ' is-running' : ''}${done ? ' is-done' : ''}`}
        aria-expanded={open}
        aria-controls={popId}
        aria-label={`${t('timer.label')}: ${status}`}
        data-testid="timer"
        onClick={() => {
          // The field shows the duration as it is now (a peer may have changed it).
          if (!open) setMinutes(String(Math.round(s.timer.durationMs / MINUTE)));
          setOpen(!open);
        }}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="8" cy="9" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 9V5.5M6 1.5h4" stroke="currentColor" strokeWidth="1.6" />
        </svg>
        <span className="timer-clock" data-testid="timer-clock">
          {done ? t('timer.done') : clock}
        </span>
      </button>
      {/* Said once when the time is up, on every screen, popover open or not. */}
      <span className="sr-only" aria-live="polite" data-testid="timer-announce">
        {done ? t('timer.done') : ''}
      </span>
      {open ? (
        <div className="timer-pop" id={popId} role="group" aria-label={t('timer.label')}>
          <p>{status}</p>
          {api.canEdit ? (
            <>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const m = Number(minutes);
                  if (Number.isFinite(m) && m > 0)
                    api.setTimer(Math.min(MAX_TIMER_MS, Math.round(m * MINUTE)));
                }}
              >
                <label>
                  {t('timer.minutes')}
                  <input
                    type="number"
                    className="narrow"
                    min={1}
                    max={MAX_TIMER_MS / MINUTE}
                    value={minutes}
                    onChange={(e) => setMinutes(e.target.value)}
                  />
                </label>
                <button type="submit">{t('timer.set')}</button>
              </form>
              <div className="timer-actions">
                {running ? (
                  <button type="button" onClick={api.pauseTimer}>
                    {t('timer.pause')}
                  </button>
                ) : (
                  <button type="button" onClick={api.startTimer}>
                    {t('timer.start')}
                  </button>
                )}
                <button type="button" onClick={api.resetTimer}>
                  {t('timer.reset')}
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
