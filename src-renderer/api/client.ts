import type {
  ApiClient,
  ApiErrorBody,
  EventName,
  EventPayload,
  MethodArgs,
  MethodName,
  MethodResult,
} from '../../src-shared/api/contract.js';
import { TOKEN_HEADER, TOKEN_META_NAME } from '../../src-shared/api/loopbackAuth.js';

/** An API call that failed, carrying the host's plain-language message. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorBody['code'],
    message: string,
  ) {
    super(message);
  }
}

interface Outcome {
  ok: boolean;
  result?: unknown;
  error?: ApiErrorBody;
}

/** What the Electron preload exposes on window.micromoment. */
interface PreloadBridge {
  call(method: string, args: unknown): Promise<Outcome>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The contract through Electron's preload bridge. */
function electronClient(bridge: PreloadBridge): ApiClient {
  return {
    async call(method, args) {
      const outcome = await bridge.call(method, args);
      if (!outcome.ok) throw new ApiCallError(outcome.error?.code ?? 'failed', outcome.error?.message ?? 'The call failed.');
      return outcome.result as never;
    },
    on(event, listener) {
      return bridge.on(event, listener as (p: unknown) => void);
    },
    // The shell serves media by id on the page's own origin (src-main/hosts/electron/appScheme.ts),
    // so the URL is relative to the page, as over HTTP.
    mediaUrl: (path) => new URL(path, document.baseURI).href,
  };
}

/**
 * The contract through the loopback HTTP host. Pages, media and the event stream
 * are authorised by the cookie set on first load; API calls also carry the token
 * in a header, which the host wrote into the page for this script (the cookie is
 * HttpOnly), and are sent as JSON: another site's page can do neither.
 */
function httpClient(): ApiClient {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
  return {
    async call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
      const response = await fetch(`./api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(args ?? {}),
        credentials: 'same-origin',
      });
      const body = (await parseJson(response)) as { result?: MethodResult<M>; error?: ApiErrorBody };
      if (!response.ok || body.error)
        throw new ApiCallError(body.error?.code ?? 'failed', body.error?.message ?? `HTTP ${response.status}`);
      return body.result as MethodResult<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      if (!source) {
        source = new EventSource('./api/events');
        source.onmessage = (message) => {
          const { event: name, payload } = JSON.parse(message.data as string) as { event: string; payload: unknown };
          listeners.get(name)?.forEach((l) => l(payload));
        };
      }
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    mediaUrl: (path) => new URL(path, document.baseURI).href,
  };
}

/** The host's answer as JSON; a refusal in plain text (e.g. a malformed request) becomes an error body with its text. */
async function parseJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { error: { code: 'failed', message: text || `HTTP ${response.status}` } };
  }
}

export function createApiClient(): ApiClient {
  const bridge = (window as unknown as { micromoment?: PreloadBridge }).micromoment;
  return bridge ? electronClient(bridge) : httpClient();
}

export const api = createApiClient();
