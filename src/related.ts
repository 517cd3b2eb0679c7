import { significantTerms } from './text/words.ts';

/** What choosing related stories needs to know of a story. */
export interface StoryTopics {
  section: string | null;
  /** Title and section headings. */
  text: string;
  /** Sortable publication time (ISO 8601 with the same offset for all, or epoch ms). */
  date: string | number;
}

export const RELATED_MIN = 3;
export const RELATED_MAX = 5;
/** How many stories nearest in time each shared term may propose: keeps the work linear in the archive's size. */
const NEIGHBOURS_PER_TERM = 24;
const SECTION_WEIGHT = 1.5;

function newerFirst(stories: readonly StoryTopics[], a: number, b: number): number {
  const da = stories[a]!.date;
  const db = stories[b]!.date;
  return da < db ? 1 : da > db ? -1 : a - b;
}

/** Visits the up to `count` entries of `sorted` (newest first) nearest to `position`, alternating newer and older. */
function forNearest(sorted: ArrayLike<number>, position: number, count: number, visit: (index: number) => void): void {
  let visited = 0;
  for (let step = 1; visited < count && (position - step >= 0 || position + step < sorted.length); step++) {
    if (position - step >= 0) {
      visit(sorted[position - step]!);
      visited++;
    }
    if (position + step < sorted.length && visited < count) {
      visit(sorted[position + step]!);
      visited++;
    }
  }
}

/**
 * For every story, 3 to 5 other stories (indices into `stories`), closest first.
 * Closeness is the summed rarity (IDF) of the significant title and heading terms two stories share, plus a bonus for the
 * same section; ties go to the newer story, then to the lower index. Each term proposes only the stories nearest in time
 * that share it, and stories are filled up from their own section, then the whole paper, by nearness in time; so the cost
 * grows with the number of stories, not with its square. Deterministic for the same input.
 */
export function relatedStories(stories: readonly StoryTopics[]): number[][] {
  const order = stories.map((_, index) => index).sort((a, b) => newerFirst(stories, a, b));
  const rank = new Int32Array(stories.length);
  order.forEach((index, position) => (rank[index] = position));

  // Terms become small integers once, so the scoring loop below touches no strings.
  const termIds = new Map<string, number>();
  const postings: number[][] = [];
  const termsOf: number[][] = stories.map((story) =>
    significantTerms(story.text).map((term) => {
      let id = termIds.get(term);
      if (id === undefined) {
        termIds.set(term, (id = postings.length));
        postings.push([]);
      }
      return id;
    }),
  );
  // Posting lists are filled by walking stories newest first, so each list is already in time order.
  const sections = new Map<string, number[]>();
  for (const index of order) {
    for (const id of termsOf[index]!) postings[id]!.push(index);
    const section = stories[index]!.section;
    if (section !== null) {
      let list = sections.get(section);
      if (!list) sections.set(section, (list = []));
      list.push(index);
    }
  }
  const idf = postings.map((list) => Math.log(1 + stories.length / list.length));
  const positionIn = (list: readonly number[], index: number) => {
    // Binary search by time rank: the list is sorted by rank.
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rank[list[mid]!]! < rank[index]!) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // One score slot per story, reset after each use: far cheaper than a Map per story.
  const scores = new Float64Array(stories.length);
  const touched = new Int32Array(stories.length);
  let touchedCount = 0;
  // The weight of the term being scored, set before each `forNearest`: one closure for the whole run, not one per term.
  let weight = 0;
  const score = (other: number) => {
    if (scores[other] === 0) touched[touchedCount++] = other;
    scores[other]! += weight;
  };
  return stories.map((story, self) => {
    touchedCount = 0;
    for (const id of termsOf[self]!) {
      const list = postings[id]!;
      if (list.length < 2) continue;
      weight = idf[id]!;
      forNearest(list, positionIn(list, self), NEIGHBOURS_PER_TERM, score);
    }
    const sameSection = story.section === null ? [] : sections.get(story.section)!;
    // The best RELATED_MAX by score, ties to the newer (lower rank), kept in order by insertion.
    const chosen: number[] = [];
    const chosenScores: number[] = [];
    for (const index of touched.subarray(0, touchedCount)) {
      const closeness = scores[index]! + (story.section !== null && stories[index]!.section === story.section ? SECTION_WEIGHT : 0);
      scores[index] = 0;
      let at = chosen.length;
      while (at > 0 && (closeness > chosenScores[at - 1]! || (closeness === chosenScores[at - 1] && rank[index]! < rank[chosen[at - 1]!]!))) at--;
      if (at >= RELATED_MAX) continue;
      chosen.splice(at, 0, index);
      chosenScores.splice(at, 0, closeness);
      if (chosen.length > RELATED_MAX) {
        chosen.pop();
        chosenScores.pop();
      }
    }
    const fill = (index: number) => {
      if (chosen.length < RELATED_MIN && index !== self && !chosen.includes(index)) chosen.push(index);
    };
    if (sameSection.length > 0) forNearest(sameSection, positionIn(sameSection, self), RELATED_MIN + 1, fill);
    forNearest(order, rank[self]!, RELATED_MIN + 1, fill);
    return chosen;
  });
}
