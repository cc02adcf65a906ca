import { createContext, useContext } from 'react';
import type { MapSessionApi } from '../../model/session-api';

export const SessionContext = createContext<MapSessionApi | null>(null);

export function useSession(): MapSessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a map session');
  return s;
}
