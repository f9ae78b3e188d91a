/** A place in the explorer, read from the address's hash. */
export type Route =
  | { name: 'analyse' }
  | { name: 'search'; params: URLSearchParams }
  | { name: 'speakers'; params: URLSearchParams }
  | { name: 'speaker'; id: string }
  | { name: 'document'; id: string; attribution: string | null };

/**
 * Reads a hash (`#/speaker/12`, `#/search?q=harbour`, `#/document/d1?a=a3`) as a route; an
 * unknown one is the Analyse view.
 * @example parseRoute('#/document/sample-01?a=a2') // {name: 'document', id: 'sample-01', attribution: 'a2'}
 */
export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const [name, ...rest] = path.split('/');
  const id = decode(rest.join('/'));
  if (name === 'search') return { name, params };
  if (name === 'speakers') return { name, params };
  if (name === 'speaker' && id) return { name, id };
  if (name === 'document' && id) return { name, id, attribution: params.get('a') };
  return { name: 'analyse' };
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
