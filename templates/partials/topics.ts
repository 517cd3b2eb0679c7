import { html, type SafeHtml } from '../../src/markup/html.ts';
import type { Link } from '../../src/corpus/archive-model.ts';

/** Under a story, the topics it belongs to, each linked to its page; nothing for a story without any. */
export function topicLinks(topics: readonly Link[]): SafeHtml | '' {
  if (topics.length === 0) return '';
  return html`<p class="topics">Chủ đề: ${topics.map((topic, i) => html`${i > 0 ? ', ' : ''}<a href="${topic.url}">${topic.name}</a>`)}</p>`;
}
