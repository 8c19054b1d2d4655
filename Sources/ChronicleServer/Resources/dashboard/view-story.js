// One story: its timeline along a time axis, its main entities, and its articles with their
// sources (syndicated copies marked). Redrawn when the live feed reports a change to it.
import { get } from './api.js';
import { h, show, entityChip, formatTime, plural } from './dom.js';
import { timeline } from './timeline.js';

function articles(story) {
  return h('table', { class: 'articles' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Article'), h('th', {}, 'Source'), h('th', {}, 'Published'))),
    h('tbody', {}, story.articles.map((article) => h('tr', { dataset: { article: article.id } },
      h('td', {}, h('a', { href: `#/articles/${encodeURIComponent(article.id)}` }, article.title ?? article.lead ?? article.id),
        article.copy_of ? h('span', { class: 'copy', title: `a syndicated copy of ${article.copy_of}` }, ' copy') : null),
      h('td', {}, article.source ?? '—'),
      h('td', {}, formatTime(article.publication_date))))));
}

async function draw(view, id, current) {
  const [story, line] = await Promise.all([get(`/v1/stories/${encodeURIComponent(id)}`), get('/v1/timeline', { story: id })]);
  if (!current()) return;
  const conflicts = line.events.filter((event) => event.conflicts.length).length;
  show(view, story.title,
    h('p', { class: 'crumbs small' }, h('a', { href: '#/' }, 'Stories'), ' ›'),
    h('h1', {}, story.title),
    h('p', { class: 'counts' },
      `${plural(story.article_count, 'article')} from ${plural(story.source_count, 'independent source')} · `,
      `${plural(line.events.length, 'event')} on the timeline`, conflicts ? ` · ${plural(conflicts, 'event')} on which sources disagree` : '',
      ` · ${formatTime(story.first_update)}${story.last_update !== story.first_update ? ` – ${formatTime(story.last_update)}` : ''}`),
    h('div', { class: 'entities' }, story.main_entities.map(entityChip)),
    h('h2', {}, 'Timeline'),
    timeline(line.events, { now: story.last_update }),
    h('h2', {}, 'Articles'),
    articles(story));
}

export async function storyView(view, id, { live, current }) {
  await draw(view, id, current);
  let pending = null;
  const redraw = (message) => {
    if ((message.story ?? message.id) !== id || pending) return;
    // A burst of messages (an article, its events, its story) is one redraw.
    pending = setTimeout(() => { pending = null; if (current()) draw(view, id, current).catch(() => {}); }, 300);
  };
  for (const kind of ['event', 'event_updated', 'story']) live.listen(kind, redraw);
}
