import { createHash } from 'node:crypto';

/**
 * The filter tokens of an attribution, indexed in the `tags` column of the full-text index:
 * `s<speaker id>`, `k<kind>`, `o<outlet key>`.
 * @example attributionTags(12, 'direct', 'The Gazette') // 's12 kdirect o5c3e…'
 */
export function attributionTags(speakerId: number | null, kind: string, outlet: string | null | undefined): string {
  const tags = [`k${kind}`];
  if (speakerId !== null) tags.push(`s${speakerId}`);
  if (outlet?.trim()) tags.push(outletTag(outlet));
  return tags.join(' ');
}

/**
 * The token of an outlet: a hash of its name, case and surrounding space ignored.
 * @example outletTag('The Gazette') === outletTag(' the gazette') // true
 */
export function outletTag(outlet: string): string {
  return `o${createHash('sha1').update(outlet.trim().toLowerCase()).digest('hex').slice(0, 12)}`;
}
