// Search over entities (any spelling, GET /v1/entities?q=) and events (their sentences,
// GET /v1/events?q=).
import { get } from './api.js';
import { h, show, entityChip, formatTime, eventName, plural, sourceLabel } from './dom.js';

/** The sentence with every occurrence of the query marked. */
function marked(sentence, query) {
  const parts = [];
  const lower = sentence.toLowerCase();
  const needle = query.toLowerCase();
  let at = 0;
  for (let found = lower.indexOf(needle); found >= 0 && needle; found = lower.indexOf(needle, at)) {
    parts.push(sentence.slice(at, found), h('mark', { class: 'match' }, sentence.slice(found, found + needle.length)));
    at = found + needle.length;
  }
  parts.push(sentence.slice(at));
  return parts;
}

export async function searchView(view, query, { current }) {
  const [entities, events] = await Promise.all([get('/v1/entities', { q: query, limit: 20 }), get('/v1/events', { q: query, limit: 30 })]);
  if (!current()) return;
  document.querySelector('#search input').value = query;
  // One entry per sentence, however many events it tells.
  const bySentence = new Map();
  for (const event of events.items) {
    const key = `${event.article_id}|${event.sentence?.span.start ?? event.id}`;
    if (!bySentence.has(key)) bySentence.set(key, { events: [], sentence: event.sentence?.text ?? '' });
    bySentence.get(key).events.push(event);
  }
  const sentences = [...bySentence.values()];
  show(view, `“${query}”`,
    h('h1', {}, 'Search: ', h('q', {}, query)),
    h('h2', {}, plural(entities.items.length, 'entity', 'entities')),
    entities.items.length
      ? h('ul', { class: 'entity-results' }, entities.items.map((entity) => h('li', {}, entityChip(entity),
        h('span', { class: 'small' }, ` ${plural(entity.article_count, 'article')}`,
          entity.aliases.length > 1 ? ` · also ${entity.aliases.filter((a) => a.value !== entity.name).slice(0, 4).map((a) => a.value).join(', ')}` : ''))))
      : h('p', { class: 'empty' }, 'No entity goes by that name.'),
    h('h2', {}, plural(sentences.length, 'sentence') + (events.next_cursor ? ' (the newest)' : '') + ' telling of events'),
    sentences.length
      ? h('ol', { class: 'event-results' }, sentences.map(({ events: told, sentence }) => h('li', {},
        told.map((event, index) => [index ? ', ' : '',
          h('a', { href: event.merged_event ? `#/events/${encodeURIComponent(event.merged_event)}` : `#/articles/${encodeURIComponent(event.article_id)}` },
            eventName(event))]),
        ` · ${formatTime(told[0].time ?? told[0].publication_date)} · `,
        h('a', { href: `#/articles/${encodeURIComponent(told[0].article_id)}` }, sourceLabel(told[0])),
        h('p', { class: 'sentence' }, marked(sentence, query)))))
      : h('p', { class: 'empty' }, 'No event sentence has those words.'));
}
