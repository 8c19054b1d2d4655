// Submitting an article: typed or pasted, or a .txt file dropped on the form. It is stored
// (POST /v1/articles) or only extracted (POST /v1/extract), and what the pipeline found is shown
// marked in its text.
import { get, post } from './api.js';
import { h, show, failure } from './dom.js';
import { extraction } from './view-article.js';

const keyStorage = 'chronicle.apiKey';

export async function submitView(view, _, { current }) {
  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  const text = h('textarea', { name: 'text', rows: 14, required: true, placeholder: 'Paste the article here, or drop a .txt file on this form.' });
  const form = h('form', { class: 'submit' },
    h('label', {}, 'Text', text),
    h('div', { class: 'row' },
      h('label', {}, 'Title', h('input', { name: 'title' })),
      h('label', {}, 'Source', h('input', { name: 'source', placeholder: 'e.g. Reuters' })),
      h('label', {}, 'Published', h('input', { name: 'published_at', type: 'date' }))),
    h('div', { class: 'row' },
      h('label', {}, 'API key (if the service needs one for writes)',
        h('input', { name: 'key', type: 'password', autocomplete: 'off', value: localStorage.getItem(keyStorage) ?? '' })),
      h('label', { class: 'check' }, h('input', { name: 'dry', type: 'checkbox' }), ' Only extract, do not store')),
    h('button', { type: 'submit' }, 'Submit'));

  async function submit(event) {
    event.preventDefault();
    const fields = new FormData(form);
    const body = { text: fields.get('text') };
    for (const name of ['title', 'source', 'published_at']) if (fields.get(name)) body[name] = fields.get(name);
    const key = fields.get('key');
    if (key) localStorage.setItem(keyStorage, key); else localStorage.removeItem(keyStorage);
    result.replaceChildren(h('p', { class: 'small' }, 'Reading the article…'));
    try {
      let document;
      let note;
      if (fields.get('dry')) {
        document = await post('/v1/extract', JSON.stringify(body), 'application/json');
        note = h('p', { class: 'note' }, 'Extracted only: nothing was stored.');
      } else {
        const stored = await post('/v1/articles', JSON.stringify(body), 'application/json', key);
        document = await get(`/v1/articles/${encodeURIComponent(stored.id)}`);
        note = h('p', { class: 'note' }, stored.duplicate ? 'Already stored: ' : 'Stored as ', h('a', { href: `#/articles/${encodeURIComponent(stored.id)}` }, stored.id), '.');
      }
      if (current()) result.replaceChildren(note, ...(await extraction(document)).flat());
    } catch (error) {
      result.replaceChildren(failure(error));
    }
  }

  // A .txt file dropped anywhere on the form fills the text (and the title, from its name).
  form.addEventListener('dragover', (event) => { event.preventDefault(); form.classList.add('dropping'); });
  form.addEventListener('dragleave', () => form.classList.remove('dropping'));
  form.addEventListener('drop', async (event) => {
    event.preventDefault();
    form.classList.remove('dropping');
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    if (!/\.txt$/i.test(file.name) && !file.type.startsWith('text/')) {
      result.replaceChildren(failure(new Error(`${file.name} is not a text file; drop a .txt file.`)));
      return;
    }
    text.value = await file.text();
    const title = form.elements.namedItem('title');
    if (!title.value) title.value = file.name.replace(/\.txt$/i, '');
  });
  form.addEventListener('submit', submit);
  show(view, 'Submit an article', h('h1', {}, 'Submit an article'), form, result);
}
