/**
 * Runs inside the app's iframe before the app's bundle: defines `window.__bridge`, the one object
 * `@forge/bridge` talks to, as the Forge host would. Calls that need the product (context,
 * resolvers, navigation, flags) go to the host page by postMessage; theming is applied here,
 * inside the frame, as Forge does: it sets the theme attributes on <html> and keeps them in step
 * with the product, but leaves loading the token CSS to the app.
 */
import {
  MESSAGE_TAG,
  type BridgeCallMessage,
  type BridgeResultMessage,
  type PreviewTheme,
  type ThemeChangeMessage,
} from '../model.ts';

type Listener = (payload: unknown) => unknown;

const pending = new Map<
  number,
  { resolve: (value: unknown) => void; reject: (error: Error) => void }
>();
const listeners = new Map<string, Set<Listener>>();
let nextId = 1;
let themingEnabled = false;

function askHost(op: string, payload: unknown): Promise<unknown> {
  if (window.parent === window) {
    return Promise.reject(
      new Error(
        'This page is the app alone: open it through /jira-admin, /jira-global or /confluence-global.',
      ),
    );
  }
  const id = nextId++;
  const message: BridgeCallMessage = { [MESSAGE_TAG]: 'call', id, op, payload };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    window.parent.postMessage(message, window.location.origin);
  });
}

function applyTheme(colorMode: PreviewTheme): void {
  const root = document.documentElement;
  // The same attributes the Forge host sets; @atlaskit/tokens' CSS keys on them.
  root.setAttribute('data-color-mode', colorMode);
  root.setAttribute(
    'data-theme',
    'dark:dark light:light spacing:spacing typography:typography shape:shape',
  );
}

function subscribe(payload: unknown): { unsubscribe: () => void } {
  const { event, callback } = payload as { event: string; callback: Listener };
  const set = listeners.get(event) ?? new Set<Listener>();
  set.add(callback);
  listeners.set(event, set);
  return { unsubscribe: () => set.delete(callback) };
}

function emit(payload: unknown): void {
  const { event, payload: data } = payload as { event: string; payload: unknown };
  for (const callback of listeners.get(event) ?? []) void callback(data);
}

/** A history the app can push to; the preview keeps it inside the frame. */
function createHistory(): unknown {
  const historyListeners = new Set<(location: unknown) => void>();
  const history = {
    action: 'POP',
    location: { pathname: '/', search: '', hash: '', state: null as unknown, key: 'default' },
    push(path: string, state: unknown = null) {
      history.location = { pathname: path, search: '', hash: '', state, key: String(Date.now()) };
      history.action = 'PUSH';
      for (const listener of historyListeners) listener(history.location);
    },
    replace(path: string, state: unknown = null) {
      history.location = { pathname: path, search: '', hash: '', state, key: String(Date.now()) };
      history.action = 'REPLACE';
      for (const listener of historyListeners) listener(history.location);
    },
    listen(listener: (location: unknown) => void) {
      historyListeners.add(listener);
      return () => historyListeners.delete(listener);
    },
    go() {},
    back() {},
    forward() {},
  };
  return history;
}

async function callBridge(op: string, payload?: unknown): Promise<unknown> {
  switch (op) {
    case 'enableTheming': {
      themingEnabled = true;
      const context = (await askHost('getContext', undefined)) as {
        theme?: { colorMode?: PreviewTheme };
      };
      applyTheme(context.theme?.colorMode === 'dark' ? 'dark' : 'light');
      return undefined;
    }
    case 'on':
    case 'onPublic':
      return subscribe(payload);
    case 'emit':
    case 'emitPublic':
      emit(payload);
      return undefined;
    case 'createHistory':
      return createHistory();
    case 'reload':
      window.location.reload();
      return undefined;
    case 'emitReadyEvent':
    case 'changeWindowTitle':
    case 'refresh':
    case 'submit':
      return true;
    case 'close':
    case 'open':
    case 'onClose':
      // A full page is neither a modal nor a panel: Forge answers false, the bridge then throws.
      return false;
    default:
      return askHost(op, payload);
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent || event.origin !== window.location.origin) return;
  const data = event.data as BridgeResultMessage | ThemeChangeMessage | undefined;
  if (!data || typeof data !== 'object' || !(MESSAGE_TAG in data)) return;
  if (data[MESSAGE_TAG] === 'theme') {
    if (themingEnabled) applyTheme(data.colorMode);
    return;
  }
  if (data[MESSAGE_TAG] !== 'result') return;
  const call = pending.get(data.id);
  if (!call) return;
  pending.delete(data.id);
  if (data.ok) call.resolve(data.value);
  else call.reject(new Error(data.error ?? 'The host refused the call.'));
});

(window as unknown as { __bridge: unknown }).__bridge = { callBridge };
