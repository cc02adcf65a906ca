/**
 * Whether the strategy's fields are read-only, and the groups that disable them. The strategy
 * panel is no longer one disabled fieldset: a disabled fieldset disables every button in it,
 * the comment pins too, and a reviewer (read-only map, may comment) must still reach those.
 * So each run of fields sits in a `Fields` group (a bare fieldset, disabled when read-only),
 * a control beside a pin (a table row) takes `useStrategyReadOnly()` itself, and the pins sit
 * outside every group.
 */
import { createContext, useContext, type ReactNode } from 'react';

export const StrategyReadOnlyContext = createContext(false);

export function useStrategyReadOnly(): boolean {
  return useContext(StrategyReadOnlyContext);
}

/** A group of strategy fields, disabled together when the map is read-only. */
export function Fields({ children }: { children: ReactNode }) {
  const readOnly = useStrategyReadOnly();
  return (
    <fieldset className="strategy-fields" disabled={readOnly}>
      {children}
    </fieldset>
  );
}
