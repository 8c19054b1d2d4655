// The stories, most recently updated first, with their article and source counts; a story
// that changes while the page is open comes to the top.
import { get } from './api.js';
import { h, show, entityChip, formatTime, plural } from './dom.js';

function row(story) {
  return h('li', { class: 'story', dataset: { story: story.id, articles: story.article_count, sources: story.source_count } },
    h('a', { class: 'title', href: `#/stories/${encodeURIComponent(story.id)}` }, story.title),
    h('span', { class: 'counts' },
      `${plural(story.article_count, 'article')} · ${plural(story.source_count, 'source')} · ${plural(story.event_count, 'event')}`),
    h('span', { class: 'dates small' },
      story.first_update === story.last_update ? formatTime(story.first_update) : `${formatTime(story.first_update)} – ${formatTime(story.last_update)}`),
    h('span', { class: 'entities' }, story.main_entities.slice(0, 5).map(entityChip)));
}

export async function storiesView(view, _, { live, current }) {
  const list = h('ol', { class: 'stories' });
  let cursor = null;
  const more = h('button', { type: 'button', hidden: true }, 'More stories');
  async function load() {
    const page = await get('/v1/stories', { limit: 30, cursor });
    if (!current()) return;
    list.append(...page.items.map(row));
    cursor = page.next_cursor;
    more.hidden = !cursor;
  }
  more.addEventListener('click', load);
  await load();
  if (!current()) return;
  const empty = h('p', { class: 'empty', hidden: list.children.length > 0 },
    'No articles yet. ', h('a', { href: '#/submit' }, 'Submit one'), ', or POST to /v1/articles.');
  show(view, 'Stories', h('h1', {}, 'Stories'), empty, list, more);
  live.listen('story', async (story) => {
    // The story's newest state, at the top of the list.
    list.querySelector(`[data-story="${CSS.escape(story.id)}"]`)?.remove();
    const fresh = row({ ...story, main_entities: story.main_entities ?? [] });
    fresh.classList.add('updated');
    list.prepend(fresh);
    empty.hidden = true;
  });
}
