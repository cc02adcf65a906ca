import { useState } from 'react';

/**
 * Whether a node shows React Flow's real (store-subscribed) handles: while the pointer is over
 * it or it is selected (see Handles.tsx). Spread `hover` on the node's root element.
 */
export function useLiveHandles(selected: boolean) {
  const [pointed, setPointed] = useState(false);
  return {
    live: pointed || selected,
    hover: { onPointerEnter: () => setPointed(true), onPointerLeave: () => setPointed(false) },
  };
}
