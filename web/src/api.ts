import type { AttributionHit, Page, SpeakerDetail, SpeakerSummary, StoreStats, StoredDocument } from '../../src/store/store.js';

/** `GET /api/documents/:id`. */
export type DocumentView = Omit<StoredDocument, 'sourcePath'> & { entities: Array<{ id: string; name: string; attributions: number }> };

/** `GET /api/stats`. */
export type Stats = StoreStats & { sampleAvailable: boolean };

/**
 * A failed request: the API's error message, or what went wrong on the way.
 * @example if (err instanceof ApiFailure && err.status === 404) showNotFound()
 */
export class ApiFailure extends Error {
  constructor(message: string, readonly status: number, readonly field?: string) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/**
 * Query parameters for {@link searchAttributions}; empty values are left out.
 * @example await searchAttributions({q: 'harbour', speaker: 'Valdera'})
 */
export interface SearchParams {
  q?: string;
  speaker?: string;
  speakerId?: string;
  outlet?: string;
  kind?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: string;
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  } catch {
    throw new ApiFailure('the onrecord server cannot be reached', 0);
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: { message: string; field?: string } }) | null;
  if (!res.ok || body === null) throw new ApiFailure(body?.error?.message ?? `the server answered ${res.status}`, res.status, body?.error?.field);
  return body;
}

function query(params: object): string {
  const entries = Object.entries(params).filter(([, v]) => typeof v === 'string' && v.trim() !== '') as Array<[string, string]>;
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

/** @example await getStats() // {documents: 12, …, sampleAvailable: true} */
export const getStats = (): Promise<Stats> => request('/api/stats');
/** @example await loadSample() // {documents: 12, inserted: 12, attributions: 50} */
export const loadSample = (): Promise<{ documents: number; inserted: number; attributions: number }> => request('/api/sample', { method: 'POST', body: '{}' });
/** @example await searchAttributions({q: 'harbour'}) */
export const searchAttributions = (params: SearchParams): Promise<Page<AttributionHit>> => request(`/api/attributions${query(params)}`);
/** @example await listSpeakers({q: 'val'}) */
export const listSpeakers = (params: { q?: string; cursor?: string }): Promise<Page<SpeakerSummary>> => request(`/api/speakers${query(params)}`);
/** @example await getSpeaker('3') */
export const getSpeaker = (id: string): Promise<SpeakerDetail> => request(`/api/speakers/${encodeURIComponent(id)}`);
/** @example await getDocument('sample-01') */
export const getDocument = (id: string): Promise<DocumentView> => request(`/api/documents/${encodeURIComponent(id)}`);
