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

/** Indices into `sorted` (newest first) of the up to `count` stories nearest to `position`, alternating newer and older. */
function nearest(sorted: readonly number[], position: number, count: number): number[] {
  const result: number[] = [];
  for (let step = 1; result.length < count && (position - step >= 0 || position + step < sorted.length); step++) {
    if (position - step >= 0) result.push(sorted[position - step]!);
    if (position + step < sorted.length && result.length < count) result.push(sorted[position + step]!);
  }
  return result;
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
  return stories.map((story, self) => {
    const touched: number[] = [];
    for (const id of termsOf[self]!) {
      const list = postings[id]!;
      if (list.length < 2) continue;
      const weight = idf[id]!;
      for (const other of nearest(list, positionIn(list, self), NEIGHBOURS_PER_TERM)) {
        if (scores[other] === 0) touched.push(other);
        scores[other]! += weight;
      }
    }
    const sameSection = story.section === null ? [] : sections.get(story.section)!;
    // The best RELATED_MAX by score, ties to the newer (lower rank), kept in order by insertion.
    const chosen: number[] = [];
    const chosenScores: number[] = [];
    for (const index of touched) {
      const score = scores[index]! + (story.section !== null && stories[index]!.section === story.section ? SECTION_WEIGHT : 0);
      scores[index] = 0;
      let at = chosen.length;
      while (at > 0 && (score > chosenScores[at - 1]! || (score === chosenScores[at - 1] && rank[index]! < rank[chosen[at - 1]!]!))) at--;
      if (at >= RELATED_MAX) continue;
      chosen.splice(at, 0, index);
      chosenScores.splice(at, 0, score);
      if (chosen.length > RELATED_MAX) {
        chosen.pop();
        chosenScores.pop();
      }
    }
    const fill = (candidates: number[]) => {
      for (const index of candidates) {
        if (chosen.length >= RELATED_MIN) return;
        if (index !== self && !chosen.includes(index)) chosen.push(index);
      }
    };
    if (sameSection.length > 0) fill(nearest(sameSection, positionIn(sameSection, self), RELATED_MIN + 1));
    fill(nearest(order, rank[self]!, RELATED_MIN + 1));
    return chosen;
  });
}
