// One article as the pipeline read it: its metadata, and its text with entities, temporal
// expressions and event triggers marked. Also draws a POST /v1/extract result, which has no id.
import { get } from './api.js';
import { h, show, formatTime, eventName, plural } from './dom.js';
import { highlighted, marksOf, legend } from './highlight.js';

/** canonical name (and alias) of each of the article's entities -> the registry's entity id. */
async function entityLinks(id) {
  const links = new Map();
  if (!id) return links;
  const { items } = await get(`/v1/articles/${encodeURIComponent(id)}/entities`);
  for (const entity of items) {
    links.set(`${entity.type}|${entity.name}`, entity.id);
    for (const alias of entity.aliases) if (!links.has(`${entity.type}|${alias.value}`)) links.set(`${entity.type}|${alias.value}`, entity.id);
  }
  return links;
}

/** The extraction of one article (GET /v1/articles/{id} or POST /v1/extract). */
export async function extraction(document) {
  const links = await entityLinks(document.id);
  const meta = document.metadata ?? {};
  const facts = [
    ['source', meta.source ?? meta.agency], ['byline', meta.byline], ['dateline', meta.dateline],
    ['published', meta.publication_date ? `${formatTime(meta.publication_date)}${meta.publication_time ? `, ${meta.publication_time}` : ''} (${meta.date_source})` : null],
    ['url', meta.url],
  ].filter(([, value]) => value);
  const counts = document.counts ?? {};
  return [
    h('h1', {}, meta.title ?? 'Untitled article'),
    h('dl', { class: 'facts' }, facts.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
    h('p', { class: 'counts' },
      [plural(counts.entities ?? document.entities.length, 'entity', 'entities'), plural(counts.timexes ?? document.timexes.length, 'time expression'),
        plural(counts.events ?? document.events.length, 'event'), plural(counts.quotations ?? (document.quotations ?? []).length, 'quotation')].join(' · ')),
    legend(),
    highlighted(document.text, marksOf(document, links)),
    document.events.length ? [h('h2', {}, 'Events'), h('ol', { class: 'event-list' }, document.events.map((event) =>
      h('li', {}, h('strong', {}, eventName(event)), ' ',
        event.actors.map((actor) => `${actor.name} (${actor.role})`).join(', '),
        event.time ? ` · ${formatTime(event.time)}` : '', event.place ? ` · in ${event.place}` : '', ` · ${event.modality}`)))] : [],
    (document.quotations ?? []).length ? [h('h2', {}, 'Quotations'), h('ul', { class: 'quotations' }, document.quotations.map((quotation) =>
      h('li', {}, h('q', {}, quotation.text), ' — ', quotation.speaker ?? 'unattributed')))] : [],
  ];
}

export async function articleView(view, id, { current }) {
  const document = await get(`/v1/articles/${encodeURIComponent(id)}`);
  const content = await extraction(document);
  if (!current()) return;
  show(view, document.metadata?.title ?? id, h('p', { class: 'crumbs small' }, h('a', { href: '#/' }, 'Stories'), ' ›'), content);
}
