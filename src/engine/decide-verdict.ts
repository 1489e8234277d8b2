/**
 * Turns the stances of a sentence's matched sources into one verdict. Keeps true: a differently
 * worded quotation never counts as a conflict, and a verdict exists only when there is at least
 * one source (`null` means "nothing to judge", not "corroborated").
 */

import type { Stance, Verdict } from './types.ts';

/** True when the stance does not contradict the page: agreement or the same quote worded otherwise. */
export function isSupportingStance(stance: Stance): boolean {
  return stance === 'agrees' || stance === 'worded-differently';
}

/**
 * corroborated: every source agrees (or words the same quote differently); conflicting: every
 * source conflicts; mixed: some of each. `null` for an empty list.
 */
export function decideVerdict(stances: readonly Stance[]): Verdict | null {
  if (stances.length === 0) return null;
  let supporting = 0;
  for (const stance of stances) if (isSupportingStance(stance)) supporting++;
  if (supporting === stances.length) return 'corroborated';
  if (supporting === 0) return 'conflicting';
  return 'mixed';
}
