/**
 * Where a figure is filed among the figures of its committee or unit and period. Most figures
 * sit in their metric's own slot: the committee's usual scope, in the time the metric's kind
 * says, dated. A figure of another scope (全区各级机关, 含直属单位, one campaign), a running total
 * or an undated figure has a slot of its own beside it, so pages that read "the" figure of a
 * metric never take it for the usual one, and two such figures of one metric do not collide.
 */
import type { TimeKind } from '../schema/observation.ts';

export interface Placed {
  metric: string;
  scope: string;
  time: TimeKind;
  undated: boolean;
}

/** True for a figure in its metric's own slot. */
export function isUsual(f: Placed): boolean {
  return f.scope === '' && f.time !== 'cumulative' && !f.undated;
}

/** The metric id for the usual figure (no new string for the million ordinary ones); else the metric with what sets it apart. */
export function slotOf(f: Placed): string {
  return isUsual(f) ? f.metric : `${f.metric}|${f.scope}|${f.time === 'cumulative' ? 'cumulative' : ''}|${f.undated ? 'undated' : ''}`;
}

/** The metric a slot files figures of (an id has no `|`). */
export function metricOfSlot(slot: string): string {
  const bar = slot.indexOf('|');
  return bar < 0 ? slot : slot.slice(0, bar);
}
