import { significantTerms } from '../text/words.ts';

/** What choosing related stories needs to know of a story. */
export interface StoryTopics {
  section: string | null;
  /** Title and section headings. */
  text: string;
  /** Sortable publication time (ISO 8601 with the same offset for all, or epoch ms). */
  date: string | number;
  /** Slugs of the topics (`tags:`) the editors gave it. */
  topics?: readonly string[];
}

export const RELATED_MIN = 3;
export const RELATED_MAX = 5;
/** How many stories nearest in time each shared term may propose: keeps the work linear in the archive's size. */
const NEIGHBOURS_PER_TERM = 24;
const SECTION_WEIGHT = 1.5;
/**
 * A topic the editors gave both stories is their word that the stories belong together: it outweighs a shared phrase
 * (a rare word pair counts about 7.5 in a small archive), however many stories the topic has (a long-running one has hundreds).
 */
const TOPIC_WEIGHT = 12;
/** Topic terms are kept apart from words by a prefix no word has. */
const TOPIC_TERM = '\u0000';

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

/** The first position in `sorted[start .. end]` (ascending) whose value is not below `value`. */
function lowerBound(sorted: ArrayLike<number>, value: number, start: number, end: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For every story, 3 to 5 other stories (indices into `stories`), closest first.
 * Closeness is the summed rarity (IDF) of the significant title and heading terms two stories share, each shared topic
 * counting TOPIC_WEIGHT, plus a bonus for the same section; ties go to the newer story, then to the lower index. Each term proposes only the stories nearest in time
 * that share it, and stories are filled up from their own section, then the whole paper, by nearness in time; so the cost
 * grows with the number of stories, not with its square. Deterministic for the same input.
 */
export function relatedStories(stories: readonly StoryTopics[]): number[][] {
  const order = stories.map((_, index) => index).sort((a, b) => newerFirst(stories, a, b));
  const rank = new Int32Array(stories.length);
  order.forEach((index, position) => (rank[index] = position));

  // Terms and sections become small integers once, so the scoring loop below touches no strings.
  const termIds = new Map<string, number>();
  // Each term once per story: a topic given twice (two spellings of one tag) would put the story in its own posting list twice, and so among its own related stories.
  const termsOf: number[][] = stories.map((story) =>
    [...new Set([...significantTerms(story.text), ...(story.topics ?? []).map((topic) => TOPIC_TERM + topic)])].map((term) => {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = termIds.size));
      return id;
    }),
  );
  const sectionIds = new Map<string, number>();
  // By time rank; -1 for no section.
  const sectionAt = new Int32Array(stories.length).fill(-1);
  const sections: number[][] = [];
  for (let position = 0; position < order.length; position++) {
    const section = stories[order[position]!]!.section;
    if (section === null) continue;
    let id = sectionIds.get(section);
    if (id === undefined) {
      sectionIds.set(section, (id = sections.length));
      sections.push([]);
    }
    sectionAt[position] = id;
    sections[id]!.push(position);
  }

  // Posting lists hold time ranks, newest first, all in one array: `postings[postingStart[id] .. postingStart[id + 1]]`.
  const postingStart = new Int32Array(termIds.size + 1);
  for (const terms of termsOf) for (const id of terms) postingStart[id + 1]!++;
  for (let id = 0; id < termIds.size; id++) postingStart[id + 1]! += postingStart[id]!;
  const postings = new Int32Array(postingStart[termIds.size]!);
  const filled = postingStart.slice(0, termIds.size);
  for (let position = 0; position < order.length; position++) {
    for (const id of termsOf[order[position]!]!) postings[filled[id]!++] = position;
  }
  const idf = new Float64Array(termIds.size);
  for (let id = 0; id < termIds.size; id++) idf[id] = Math.log(1 + stories.length / (postingStart[id + 1]! - postingStart[id]!));
  for (const [term, id] of termIds) if (term.startsWith(TOPIC_TERM)) idf[id] = TOPIC_WEIGHT;

  // One score slot per story (by rank), reset after each use: far cheaper than a Map per story.
  const scores = new Float64Array(stories.length);
  const touched = new Int32Array(stories.length);
  return stories.map((_story, self) => {
    const own = rank[self]!;
    let touchedCount = 0;
    for (const id of termsOf[self]!) {
      const start = postingStart[id]!;
      const end = postingStart[id + 1]!;
      if (end - start < 2) continue;
      const weight = idf[id]!;
      // The story's nearest neighbours in time that share the term, alternating newer and older (as `forNearest`, inlined: this loop is most of the work).
      const at = lowerBound(postings, own, start, end);
      let newer = at - 1;
      let older = at + 1;
      for (let visited = 0; visited < NEIGHBOURS_PER_TERM && (newer >= start || older < end); ) {
        if (newer >= start) {
          const other = postings[newer--]!;
          if (scores[other] === 0) touched[touchedCount++] = other;
          scores[other]! += weight;
          visited++;
        }
        if (older < end && visited < NEIGHBOURS_PER_TERM) {
          const other = postings[older++]!;
          if (scores[other] === 0) touched[touchedCount++] = other;
          scores[other]! += weight;
          visited++;
        }
      }
    }
    const section = sectionAt[own]!;
    // The best RELATED_MAX by score, ties to the newer (lower rank), kept in order by insertion.
    const chosen: number[] = [];
    const chosenScores: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const other = touched[t]!;
      const closeness = scores[other]! + (section >= 0 && sectionAt[other] === section ? SECTION_WEIGHT : 0);
      scores[other] = 0;
      let at = chosen.length;
      while (at > 0 && (closeness > chosenScores[at - 1]! || (closeness === chosenScores[at - 1] && other < chosen[at - 1]!))) at--;
      if (at >= RELATED_MAX) continue;
      chosen.splice(at, 0, other);
      chosenScores.splice(at, 0, closeness);
      if (chosen.length > RELATED_MAX) {
        chosen.pop();
        chosenScores.pop();
      }
    }
    const fill = (other: number) => {
      if (chosen.length < RELATED_MIN && other !== own && !chosen.includes(other)) chosen.push(other);
    };
    if (section >= 0) {
      const sameSection = sections[section]!;
      forNearest(sameSection, lowerBound(sameSection, own, 0, sameSection.length), RELATED_MIN + 1, fill);
    }
    forNearest(order, own, RELATED_MIN + 1, (index) => fill(rank[index]!));
    return chosen.map((other) => order[other]!);
  });
}
