// One entity: the names it goes by, its roles, the events it takes part in (a timeline), and the
// entities mentioned with it, drawn as a network.
import { get } from './api.js';
import { h, show, formatTime, plural } from './dom.js';
import { timeline } from './timeline.js';
import { network } from './network.js';

function counts(title, values) {
  if (!values.length) return null;
  return h('div', { class: 'facet' }, h('h3', {}, title),
    h('ul', { class: 'counted' }, values.map((value) => h('li', {}, value.value, h('span', { class: 'count' }, ` ×${value.count}`)))));
}

/** Links between the neighbours: which of them are mentioned with each other. */
async function neighbourLinks(neighbours) {
  const ids = new Set(neighbours.map((neighbour) => neighbour.id));
  const details = await Promise.all(neighbours.map((neighbour) => get(`/v1/entities/${encodeURIComponent(neighbour.id)}`).catch(() => null)));
  const links = new Map();
  for (const detail of details.filter(Boolean)) {
    for (const other of detail.co_mentioned ?? []) {
      if (!ids.has(other.id) || other.id === detail.id) continue;
      const key = [detail.id, other.id].sort().join('|');
      links.set(key, [detail.id, other.id, other.articles]);
    }
  }
  return [...links.values()];
}

export async function entityView(view, id, { current }) {
  const [entity, line] = await Promise.all([
    get(`/v1/entities/${encodeURIComponent(id)}`),
    get('/v1/timeline', { entity: id }),
  ]);
  const neighbours = entity.co_mentioned ?? [];
  const links = await neighbourLinks(neighbours);
  if (!current()) return;
  const seen = entity.first_seen === entity.last_seen ? formatTime(entity.first_seen) : `${formatTime(entity.first_seen)} – ${formatTime(entity.last_seen)}`;
  show(view, entity.name,
    h('p', { class: 'crumbs small' }, h('a', { href: '#/' }, 'Stories'), ' ›'),
    h('h1', {}, entity.name, ' ', h('span', { class: `chip type-${entity.type}` }, entity.type)),
    h('p', { class: 'counts' }, `${plural(entity.mention_count, 'mention')} in ${plural(entity.article_count, 'article')} · ${seen}`),
    h('div', { class: 'facets' },
      counts('Also written', entity.aliases.filter((alias) => alias.value !== entity.name)),
      counts('Roles', entity.roles),
      counts('Affiliations', entity.affiliations)),
    h('h2', {}, 'Events'),
    timeline(line.events, { now: entity.last_seen }),
    h('h2', {}, 'Mentioned with'),
    network(entity, neighbours, links));
}
