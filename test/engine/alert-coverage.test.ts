import { readFileSync } from 'fs';
import { ARTICLES, type Article } from '../../diagnostics/alerts/articles';
import { KNOWN_ALERTS, type KnownAlert } from '../../diagnostics';
import { catalogueReport, coverage, REPORT_PATH } from '../../scripts/catalogue-report';

const key = (a: { path: string; repo?: string }) => `${a.repo ?? ''}:${a.path}`;

describe('the catalogue coverage report', () => {
  it('is committed up to date (run npm run catalogue:report after changing the catalogue or the articles)', () => {
    expect(readFileSync(REPORT_PATH, 'utf8')).toBe(catalogueReport());
  });

  it('leaves no article unread and no entry source unlisted', () => {
    const c = coverage();
    expect(c.unread.map((a) => a.path)).toEqual([]);
    expect(c.unlisted).toEqual([]);
  });

  it('gives every article read in full either entries or a reason, never both', () => {
    const c = coverage();
    for (const article of c.withEntries) expect([article.path, article.none]).toEqual([article.path, undefined]);
    expect(c.withEntries.length + c.noneThatFit.length).toBe(ARTICLES.filter((a) => a.read === 'full').length);
  });

  it('records each source with the KB number its article prints', () => {
    const byPath = new Map(ARTICLES.map((a) => [key(a), a]));
    for (const alert of KNOWN_ALERTS) {
      for (const source of [alert.source, ...(alert.alsoIn ?? [])]) {
        expect([alert.id, source.path, source.kb]).toEqual([alert.id, source.path, byPath.get(key(source))?.kb]);
      }
    }
  });

  it('lists each article once; a copy points at an article read in full; an article by title says why it is out of scope', () => {
    expect(new Set(ARTICLES.map(key)).size).toBe(ARTICLES.length);
    const full = new Set(ARTICLES.filter((a) => a.read === 'full').map((a) => a.path));
    for (const article of ARTICLES) {
      if (article.read === 'copy') expect(full.has(article.copyOf!)).toBe(true);
      if (article.read === 'title') expect(article.none).toBeTruthy();
    }
  });

  it('names what is still unread and which entry sources are missing from the list', () => {
    const article: Article = { path: 'support/x/new-article.md', title: 'New', read: 'full' };
    const alert: KnownAlert = {
      ...KNOWN_ALERTS[0],
      id: 'made-up',
      source: { path: 'support/x/elsewhere.md' },
      alsoIn: [],
    };
    const c = coverage([alert], [article]);
    expect(c.unread).toEqual([article]);
    expect(c.unlisted).toEqual([{ id: 'made-up', source: { path: 'support/x/elsewhere.md' } }]);
    const report = catalogueReport([alert], [article]);
    expect(report).toContain('**Still unread: 1.**');
    expect(report).toContain(
      '[new-article.md](https://github.com/MicrosoftDocs/SupportArticles-docs/blob/main/support/x/new-article.md): New',
    );
    expect(report).toContain('`made-up`: [elsewhere.md]');
  });
});

describe('the README', () => {
  it('states the catalogue’s size and links to the coverage report', () => {
    const readme = readFileSync(`${__dirname}/../../README.md`, 'utf8');
    expect(readme).toContain(`the catalogue recognises ${KNOWN_ALERTS.length} alerts documented`);
    expect(readme).toContain('(docs/alert-catalogue.md)');
  });
});
