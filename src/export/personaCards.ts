/**
 * Persona cards in an exported picture (ImageOptions.includePersonas): one card per persona,
 * its avatar (initials on its colour), name, role, quote and the first goals, needs and
 * frustrations, in a band under the map. Every text is bounded here (a card has a fixed size,
 * so a long quote or fifty goals cannot push anything out of the picture), and any value is
 * accepted: a persona from a damaged document, or a field that is not text, becomes a card
 * with what can be read of it, never an error.
 *
 * Two steps: `personaCardsLayout` (pure: where each card goes and what it says, tested
 * without a browser) and `personaCardsBand` (the DOM of that layout, for compose.ts).
 */

/** Card size and spacing, px at 1×. */
export const PERSONA_CARD_WIDTH_PX = 320;
export const PERSONA_CARD_HEIGHT_PX = 272;
export const PERSONA_CARD_GAP_PX = 16;
/** Space above the cards (between the map and them), px. */
export const PERSONA_BAND_TOP_PX = 16;
/** Most cards drawn; past it the last card says how many more there are. */
export const MAX_PERSONA_CARDS = 24;

/** What a card shows at most: characters of each text, items of each list. */
export const PERSONA_CARD_TEXT = {
  name: 40,
  role: 48,
  quote: 120,
  item: 56,
  items: 2,
} as const;

/** A persona as the view gives it; every field may be anything (checked here). */
export interface PersonaCardInput {
  readonly name?: unknown;
  readonly role?: unknown;
  readonly quote?: unknown;
  readonly goals?: unknown;
  readonly needs?: unknown;
  readonly frustrations?: unknown;
  readonly color?: unknown;
  /** The avatar's initials (model/personas.ts personaInitials); '?' when none. */
  readonly initials?: unknown;
}

/** The words of the cards, in the map's language (the view translates). */
export interface PersonaCardLabels {
  readonly goals: string;
  readonly needs: string;
  readonly frustrations: string;
  readonly unnamed: string;
  /** "+N more" under a list, and on the last card when there are too many personas. */
  more(count: number): string;
}

export interface PersonaCardList {
  readonly title: string;
  readonly items: readonly string[];
  /** Items left out ("+N more"), 0 when none. */
  readonly more: number;
}

export interface PersonaCardBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly initials: string;
  readonly color: string;
  readonly name: string;
  readonly role: string;
  readonly quote: string;
  readonly lists: readonly PersonaCardList[];
}

export interface PersonaCardsLayout {
  /** The band's height, px (0 without cards). */
  readonly height: number;
  readonly cards: readonly PersonaCardBox[];
  /** Personas not drawn (past MAX_PERSONA_CARDS). */
  readonly more: number;
}

const FALLBACK_COLOR = '#495057';
const HEX = /^#[0-9a-f]{6}$/i;

/** One line of plain text, at most `max` characters (an ellipsis when cut). */
export function boundedText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const oneLine = value.replace(/\s+/gu, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= max
    ? oneLine
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

function listOf(value: unknown, title: string): PersonaCardList {
  const items = (Array.isArray(value) ? value : [])
    .map((v) => boundedText(v, PERSONA_CARD_TEXT.item))
    .filter((v) => v !== '');
  return {
    title,
    items: items.slice(0, PERSONA_CARD_TEXT.items),
    more: Math.max(0, items.length - PERSONA_CARD_TEXT.items),
  };
}

/** How many cards fit side by side in `width` px (at least one). */
export const cardsPerRow = (width: number): number =>
  Math.max(
    1,
    Math.floor((width + PERSONA_CARD_GAP_PX) / (PERSONA_CARD_WIDTH_PX + PERSONA_CARD_GAP_PX)),
  );

/** The band's height for `count` cards in `width` px; 0 for none. */
export function personaBandPx(count: number, width: number): number {
  const n = Math.min(Math.max(0, Math.trunc(count)), MAX_PERSONA_CARDS);
  if (n === 0) return 0;
  const rows = Math.ceil(n / cardsPerRow(width));
  return PERSONA_BAND_TOP_PX + rows * PERSONA_CARD_HEIGHT_PX + (rows - 1) * PERSONA_CARD_GAP_PX;
}

/** Where each card goes in a band `width` px wide, and what it says. */
export function personaCardsLayout(
  personas: readonly unknown[],
  width: number,
  labels: PersonaCardLabels,
): PersonaCardsLayout {
  const all = Array.isArray(personas) ? personas : [];
  const shown = all.slice(0, MAX_PERSONA_CARDS);
  const perRow = cardsPerRow(width);
  const cards = shown.map((raw, i): PersonaCardBox => {
    const p = (typeof raw === 'object' && raw !== null ? raw : {}) as PersonaCardInput;
    const initials = boundedText(p.initials, 3) || '?';
    return {
      x: (i % perRow) * (PERSONA_CARD_WIDTH_PX + PERSONA_CARD_GAP_PX),
      y:
        PERSONA_BAND_TOP_PX +
        Math.floor(i / perRow) * (PERSONA_CARD_HEIGHT_PX + PERSONA_CARD_GAP_PX),
      width: PERSONA_CARD_WIDTH_PX,
      height: PERSONA_CARD_HEIGHT_PX,
      initials,
      color: typeof p.color === 'string' && HEX.test(p.color) ? p.color : FALLBACK_COLOR,
      name: boundedText(p.name, PERSONA_CARD_TEXT.name) || labels.unnamed,
      role: boundedText(p.role, PERSONA_CARD_TEXT.role),
      quote: boundedText(p.quote, PERSONA_CARD_TEXT.quote),
      lists: [
        listOf(p.goals, labels.goals),
        listOf(p.needs, labels.needs),
        listOf(p.frustrations, labels.frustrations),
      ].filter((l) => l.items.length > 0),
    };
  });
  return {
    height: personaBandPx(shown.length, width),
    cards,
    more: all.length - shown.length,
  };
}

/** Persona cards as the picture carries them: the people and the words to say them with. */
export interface PersonaCards {
  readonly personas: readonly unknown[];
  readonly labels: PersonaCardLabels;
}

type Style = Partial<CSSStyleDeclaration>;

function div(style: Style, text?: string, tag: 'div' | 'strong' | 'li' | 'ul' = 'div') {
  const e = document.createElement(tag);
  Object.assign(e.style, style);
  if (text !== undefined) e.textContent = text;
  return e;
}

const oneLine: Style = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

function cardElement(card: PersonaCardBox, labels: PersonaCardLabels): HTMLElement {
  const box = div({
    position: 'absolute',
    left: `${card.x}px`,
    top: `${card.y}px`,
    width: `${card.width}px`,
    height: `${card.height}px`,
    boxSizing: 'border-box',
    padding: '12px 14px',
    border: '1px solid #ced4da',
    borderTop: `4px solid ${card.color}`,
    borderRadius: '8px',
    background: '#ffffff',
    color: '#212529',
    overflow: 'hidden',
    fontSize: '12px',
    lineHeight: '1.35',
  });
  box.dataset.personaCard = '';
  const head = div({ display: 'flex', alignItems: 'center', gap: '10px', marginBottom: '6px' });
  const avatar = div(
    {
      flex: '0 0 36px',
      width: '36px',
      height: '36px',
      borderRadius: '50%',
      background: card.color,
      color: '#ffffff',
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      fontWeight: '700',
      fontSize: '14px',
    },
    card.initials,
  );
  const who = div({ minWidth: '0', flex: '1 1 auto' });
  who.append(div({ ...oneLine, fontWeight: '700', fontSize: '15px' }, card.name, 'strong'));
  if (card.role) who.append(div({ ...oneLine, color: '#495057' }, card.role));
  head.append(avatar, who);
  box.append(head);
  if (card.quote)
    box.append(
      div(
        {
          fontStyle: 'italic',
          color: '#343a40',
          marginBottom: '6px',
          maxHeight: '4.05em', // three lines (PERSONA_CARD_TEXT.quote characters fit in them)
          overflow: 'hidden',
        },
        `“${card.quote}”`,
      ),
    );
  for (const list of card.lists) {
    // "+N more" on the title's line: a card's height holds three titles and six items.
    const title = div({ ...oneLine, fontWeight: '600' }, list.title);
    if (list.more > 0)
      title.append(
        div(
          { display: 'inline', fontWeight: '400', color: '#495057' },
          ` · ${labels.more(list.more)}`,
        ),
      );
    box.append(title);
    const ul = div({ margin: '0', paddingLeft: '18px', listStyle: 'disc' }, undefined, 'ul');
    for (const item of list.items) ul.append(div(oneLine, item, 'li'));
    box.append(ul);
  }
  return box;
}

/** The band's DOM (absolutely placed cards in a `layout.height` px box), for compose.ts. */
export function personaCardsBand(
  layout: PersonaCardsLayout,
  labels: PersonaCardLabels,
): HTMLElement {
  const band = div({ position: 'relative', height: `${layout.height}px` });
  band.dataset.personaCards = '';
  for (const card of layout.cards) band.append(cardElement(card, labels));
  if (layout.more > 0 && layout.cards.length > 0) {
    const last = layout.cards.at(-1)!;
    band.append(
      div(
        {
          position: 'absolute',
          left: `${last.x + last.width - 90}px`,
          top: `${last.y + last.height - 22}px`,
          width: '80px',
          textAlign: 'right',
          fontWeight: '600',
          fontSize: '12px',
        },
        labels.more(layout.more),
      ),
    );
  }
  return band;
}
