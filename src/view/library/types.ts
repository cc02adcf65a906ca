/** What the library page shows of one map (the app layer maps store entries to this). */
export interface LibraryItem {
  readonly id: string;
  readonly title: string;
  readonly template: string;
  /** Last edit, ms since the epoch. */
  readonly updatedAt: number;
  /** Data URL of a small picture of the map. */
  readonly thumbnail?: string;
  /** How this browser reaches the map when it is shared. */
  readonly shared?: 'edit' | 'review' | 'view';
  /** This browser holds the map's edit token: it may delete the map for everyone. */
  readonly canDeleteForEveryone?: boolean;
}

/** What the page asks the app layer to do; each rejects with an Error to show. */
export interface LibraryActions {
  create(input: { template: string; title: string }): Promise<void>;
  open(id: string): void;
  rename(id: string, title: string): Promise<void>;
  duplicate(id: string, title: string): Promise<void>;
  remove(id: string): Promise<void>;
  /**
   * Deletes a shared map for every collaborator, with its history and comments, then this
   * device's copy (no undo). Only offered for items with canDeleteForEveryone.
   */
  removeForEveryone?(id: string): Promise<void>;
  restore(id: string): Promise<void>;
}
