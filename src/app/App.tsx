/** The app shell: hash routes between the map library and one map's editor. */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CompareRoute } from './CompareRoute';
import { EditorRoute } from './EditorRoute';
import { LibraryRoute } from './LibraryRoute';
import { UpdatePrompt } from '../view/UpdatePrompt';
import { usePwaUpdate } from './pwa';
import { mapHref, parseRoute } from './routes';

const subscribeHash = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const getHash = () => window.location.hash;

export function App() {
  const { t } = useTranslation('common');
  const route = parseRoute(useSyncExternalStore(subscribeHash, getHash));
  const pwa = usePwaUpdate();
  const prompt = (
    <UpdatePrompt needRefresh={pwa.needRefresh} onUpdate={pwa.update} onDismiss={pwa.dismiss} />
  );
  if (route.name === 'compare') {
    return (
      <>
        <CompareRoute before={route.before} after={route.after} />
        {prompt}
      </>
    );
  }
  if (route.name === 'map') {
    return (
      <>
        <EditorRoute key={route.mapId} mapId={route.mapId} token={route.token} />
        {prompt}
      </>
    );
  }
  return (
    <>
      {prompt}
      {route.error ? (
        <div className="banner banner-error" role="alert">
          {t(route.error)}
        </div>
      ) : null}
      <LibraryRoute onOpen={(id: string) => (window.location.hash = mapHref(id))} />
    </>
  );
}
