/** The local selection (never in the doc; shared with peers through awareness). */
export interface Selection {
  readonly nodes: ReadonlySet<string>;
  readonly touchpoints: ReadonlySet<string>;
}

export const EMPTY_SELECTION: Selection = { nodes: new Set(), touchpoints: new Set() };
