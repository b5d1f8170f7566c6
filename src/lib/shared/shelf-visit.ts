/**
 * "New since your last visit": the newest digest day the reader has been shown is remembered; at the start of a visit
 * (after half an hour away) it becomes the visit's baseline, and any day after it is new for the whole visit. Kept in
 * the browser under its own key (src/scripts/shelf/visit.ts), apart from the shelf.
 */
export const VISIT_KEY = 'papershelf-last-visit';

/** A pause longer than this starts a new visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** What the browser keeps between visits. */
export interface VisitState {
  version: 1;
  /** The newest listing day (YYYY-MM-DD) any page has shown the reader. */
  newestSeen?: string;
  /** The newest day seen before this visit began: days after it are new. Absent on a first visit. */
  baseline?: string;
  /** When the reader last opened a page (ISO time). */
  lastActive: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the stored state; anything that is not one (nothing stored, damage) is no state: a first visit. */
export function parseVisit(text: string | null): VisitState | undefined {
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as Partial<VisitState> | null;
    if (value?.version !== 1 || typeof value.lastActive !== 'string' || Number.isNaN(Date.parse(value.lastActive))) return undefined;
    return {
      version: 1,
      ...(typeof value.newestSeen === 'string' && DAY.test(value.newestSeen) && { newestSeen: value.newestSeen }),
      ...(typeof value.baseline === 'string' && DAY.test(value.baseline) && { baseline: value.baseline }),
      lastActive: value.lastActive,
    };
  } catch {
    return undefined;
  }
}

/**
 * The state after the reader opens a page at `now` that shows `days`: a new visit (first ever, or after VISIT_GAP_MS)
 * takes the newest day seen so far as its baseline; either way the newest day seen moves on.
 */
export function nextVisit(previous: VisitState | undefined, now: string, days: readonly string[]): VisitState {
  const newVisit = previous === undefined || Date.parse(now) - Date.parse(previous.lastActive) > VISIT_GAP_MS;
  const baseline = newVisit ? previous?.newestSeen : previous.baseline;
  const newestSeen = [previous?.newestSeen, ...days.filter((day) => DAY.test(day))].reduce<string | undefined>((newest, day) => (day !== undefined && (newest === undefined || day > newest) ? day : newest), undefined);
  return { version: 1, ...(newestSeen !== undefined && { newestSeen }), ...(baseline !== undefined && { baseline }), lastActive: now };
}

/** Whether a listing day is new since the reader's last visit: after the visit's baseline (never on a first visit). */
export function isNewSinceLastVisit(state: VisitState, day: string): boolean {
  return state.baseline !== undefined && day > state.baseline;
}

/** The listing day a path below the base names, `digests/2024-05-27/` (any page of it), or undefined. */
export function dayOfPath(path: string): string | undefined {
  return /^digests\/(\d{4}-\d{2}-\d{2})\/(?:page\/\d+\/)?$/.exec(path)?.[1];
}
