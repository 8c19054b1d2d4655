// The entities mentioned with one entity, drawn as a small network: the entity in the middle,
// the others around it (larger when they share more articles with it), and a line between two
// of them when they are also mentioned together.
import { h } from './dom.js';

/**
 * center: {id, name, type}; neighbours: [{id, name, type, articles}];
 * links: [[idA, idB, shared articles]] among the neighbours.
 */
export function network(center, neighbours, links = []) {
  if (!neighbours.length) return h('p', { class: 'empty' }, 'Mentioned with no other entity yet.');
  const size = 420;
  const middle = size / 2;
  const radius = size / 2 - 70;
  const most = Math.max(...neighbours.map((n) => n.articles), 1);
  const place = new Map();
  neighbours.forEach((neighbour, index) => {
    const angle = (2 * Math.PI * index) / neighbours.length - Math.PI / 2;
    place.set(neighbour.id, [middle + radius * Math.cos(angle), middle + radius * Math.sin(angle)]);
  });
  // Spokes are as thick as the articles shared with the entity; links between the others stay
  // thin, or a clique of one story's entities would hide the spokes.
  const line = (from, to, weight, kind) => h('svg:line', {
    x1: from[0], y1: from[1], x2: to[0], y2: to[1], class: kind, 'stroke-width': kind === 'spoke' ? 1 + 4 * (weight / most) : 0.5 + weight / most,
  });
  const node = (entity, [x, y], r, isCenter) => {
    const label = h('svg:text', { x, y: y + r + 14, 'text-anchor': 'middle' }, entity.name);
    const circle = h('svg:circle', { cx: x, cy: y, r, class: `node type-${entity.type}${isCenter ? ' center' : ''}` },
      h('svg:title', {}, isCenter ? entity.name : `${entity.name}: ${entity.articles} shared article${entity.articles === 1 ? '' : 's'}`));
    if (isCenter) return h('svg:g', {}, circle, label);
    return h('svg:a', { href: `#/entities/${encodeURIComponent(entity.id)}` }, circle, label);
  };
  const svg = h('svg:svg', { viewBox: `0 0 ${size} ${size}`, class: 'network', role: 'img', 'aria-label': `Entities mentioned with ${center.name}` },
    links.filter(([a, b]) => place.has(a) && place.has(b)).map(([a, b, weight]) => line(place.get(a), place.get(b), weight, 'link')),
    neighbours.map((neighbour) => line([middle, middle], place.get(neighbour.id), neighbour.articles, 'spoke')),
    neighbours.map((neighbour) => node(neighbour, place.get(neighbour.id), 8 + 14 * (neighbour.articles / most), false)),
    node(center, [middle, middle], 24, true));
  return svg;
}
