/**
 * Linking with the keyboard (L on the canvas): a small dialog over the canvas with two
 * comboboxes, From (the selected node, or the stage of the selected touchpoint; its name is
 * selected so typing replaces it) and To (focused). Typing filters the nodes by name
 * (linkCandidates.ts), the arrow keys move in the list, Enter in From goes to To, Enter in To
 * links; Escape cancels. The link is made by the canvas's own connect path, so the new
 * touchpoint's Action gets the focus as after a drag.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyNode } from '../../model/types';
import { linkCandidates } from './linkCandidates';
import './linkPicker.css';

/** At most this many names are listed (typing narrows them). */
const MAX_SHOWN = 8;

interface Props {
  nodes: readonly JourneyNode[];
  /** The node the link starts from, if one is chosen already. */
  from: JourneyNode | null;
  onLink(from: string, to: string): void;
  /** `refocus`: give the keyboard back to the From node (Escape, Cancel). */
  onCancel(refocus: boolean): void;
}

/** One end of the link: what was typed, and the node chosen for it (null while typing). */
interface End {
  query: string;
  chosen: string | null;
  active: number;
}

export function LinkPicker({ nodes, from, onLink, onCancel }: Props) {
  const { t } = useTranslation('editor');
  const [src, setSrc] = useState<End>({
    query: from?.label ?? '',
    chosen: from?.id ?? null,
    active: 0,
  });
  const [dst, setDst] = useState<End>({ query: '', chosen: null, active: 0 });
  const [focused, setFocused] = useState<'from' | 'to'>(from ? 'to' : 'from');
  const [problem, setProblem] = useState<string | null>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n] as const)), [nodes]);

  // A link usually starts at a stage: stages first.
  const srcOptions = useMemo(
    () => linkCandidates(nodes, src.query, { otherEnd: 'channel' }),
    [nodes, src.query],
  );
  const srcNode = src.chosen ? byId.get(src.chosen) : undefined;
  const dstOptions = useMemo(
    () =>
      linkCandidates(nodes, dst.query, {
        exclude: src.chosen ?? undefined,
        otherEnd: srcNode?.kind,
      }),
    [nodes, dst.query, src.chosen, srcNode?.kind],
  );

  /** The node an end stands for: the one chosen, else the highlighted match. */
  const resolve = (end: End, options: readonly JourneyNode[]): JourneyNode | undefined =>
    (end.chosen ? byId.get(end.chosen) : undefined) ?? options[end.active];

  const settleFrom = (): JourneyNode | undefined => {
    const node = resolve(src, srcOptions);
    if (node) setSrc({ query: node.label, chosen: node.id, active: 0 });
    return node;
  };

  const submit = () => {
    const a = resolve(src, srcOptions);
    const b = resolve(dst, dstOptions);
    if (!a) return setProblem(t('keyboard.link.noMatch', { query: src.query }));
    if (!b || b.id === a.id) return setProblem(t('keyboard.link.noMatch', { query: dst.query }));
    onLink(a.id, b.id);
  };

  const listKeys = (
    e: KeyboardEvent<HTMLInputElement>,
    end: End,
    set: (next: End) => void,
    count: number,
  ) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (count === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : count - 1;
      set({ ...end, chosen: null, active: (end.active + step) % count });
      return true;
    }
    return false;
  };

  return (
    <div
      className="link-picker nodrag nopan nowheel"
      role="dialog"
      aria-label={t('keyboard.link.title')}
      aria-describedby={hintId}
      onBlur={(e) => {
        // Focus gone elsewhere (a click on the canvas, another panel): the picker goes away.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onCancel(false);
      }}
      onKeyDown={(e) => {
        // Keys stay here: the canvas's and the editor's shortcuts never see them.
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel(true);
        }
      }}
    >
      <p className="link-picker-hint" id={hintId}>
        {t('keyboard.link.hint')}
      </p>
      <NodeCombobox
        label={t('keyboard.link.from')}
        end={src}
        options={src.chosen ? [] : srcOptions}
        open={focused === 'from' && !src.chosen}
        autoFocus={!from}
        onFocus={() => setFocused('from')}
        onQuery={(query) => {
          setProblem(null);
          setSrc({ query, chosen: null, active: 0 });
        }}
        onPick={(node) => {
          setSrc({ query: node.label, chosen: node.id, active: 0 });
          toRef.current?.focus();
        }}
        onKeyDown={(e) => {
          if (listKeys(e, src, setSrc, srcOptions.length)) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            if (settleFrom()) toRef.current?.focus();
            else setProblem(t('keyboard.link.noMatch', { query: src.query }));
          } else if (e.key === 'Tab' && !e.shiftKey) settleFrom();
        }}
        t={t}
      />
      <NodeCombobox
        label={t('keyboard.link.to')}
        end={dst}
        options={dst.chosen ? [] : dstOptions}
        open={focused === 'to' && !dst.chosen}
        autoFocus={Boolean(from)}
        inputRef={toRef}
        onFocus={() => setFocused('to')}
        onQuery={(query) => {
          setProblem(null);
          setDst({ query, chosen: null, active: 0 });
        }}
        onPick={(node) => {
          setDst({ query: node.label, chosen: node.id, active: 0 });
          const a = resolve(src, srcOptions);
          if (a && a.id !== node.id) onLink(a.id, node.id);
        }}
        onKeyDown={(e) => {
          if (listKeys(e, dst, setDst, dstOptions.length)) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
        t={t}
      />
      <div className="link-picker-actions">
        <button type="button" onClick={() => onCancel(true)}>
          {t('keyboard.link.cancel')}
        </button>
        <button type="button" className="primary" onClick={submit}>
          {t('keyboard.link.submit')}
        </button>
      </div>
      <p className="link-picker-problem" role="status">
        {problem}
      </p>
    </div>
  );
}

function NodeCombobox({
  label,
  end,
  options,
  open,
  autoFocus,
  inputRef,
  onFocus,
  onQuery,
  onPick,
  onKeyDown,
  t,
}: {
  label: string;
  end: End;
  options: readonly JourneyNode[];
  open: boolean;
  autoFocus: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
  onFocus(): void;
  onQuery(query: string): void;
  onPick(node: JourneyNode): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  t: (key: string) => string;
}) {
  const id = useId();
  const shown = options.slice(0, MAX_SHOWN);
  const expanded = open && shown.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="link-picker-field">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={expanded ? `${id}-list` : undefined}
        aria-activedescendant={
          expanded && end.active < shown.length ? optionId(end.active) : undefined
        }
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        value={end.query}
        onFocus={(e) => {
          e.currentTarget.select();
          onFocus();
        }}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {expanded ? (
        <ul className="link-picker-list" role="listbox" id={`${id}-list`} aria-label={label}>
          {shown.map((node, i) => (
            <li
              key={node.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === end.active}
              className={i === end.active ? 'is-active' : undefined}
              // Keeps the focus in the field (a click would blur it first).
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(node)}
            >
              <span className={`swatch swatch-${node.kind}`} aria-hidden="true" />
              {node.label || t('node.untitled')}{' '}
              <span className="link-picker-kind">{t(`kind.${node.kind}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
