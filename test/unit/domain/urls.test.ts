import { describe, expect, it } from 'vitest';
import { editLink, joinBase, linker, routes } from '../../../src/domain/urls.ts';
import * as schemas from '../../../src/schema/collections.ts';

describe('joinBase / routes', () => {
  it('joins with exactly one slash, with or without a trailing slash on the base', () => {
    expect(joinBase('/', 'roles/x/')).toBe('/roles/x/');
    expect(joinBase('/handbook', 'roles/x/')).toBe('/handbook/roles/x/');
    expect(joinBase('/handbook/', '/roles/x/')).toBe('/handbook/roles/x/');
    expect(joinBase('/handbook/', '')).toBe('/handbook/');
  });

  it('gives the stable URLs of every page', () => {
    const r = routes('/');
    expect(r.home).toBe('/');
    expect(r.department('customer-service')).toBe('/departments/customer-service/');
    expect(r.role('cs-lead')).toBe('/roles/cs-lead/');
    expect(r.sop('ship-within-72h')).toBe('/sops/ship-within-72h/');
    expect(r.plan('home-2014')).toBe('/plans/home-2014/');
    expect(r.glossary).toBe('/glossary/');
    expect(r.rhythm).toBe('/rhythm/');
    expect(routes('/base/').role('a')).toBe('/base/roles/a/');
  });
});

describe('linker', () => {
  const handbook = {
    departments: [{ id: 'cs', file: 'departments/cs.yaml', data: schemas.department.parse({ name: '客服' }) }],
    roles: [{ id: 'lead', file: 'roles/lead.md', data: schemas.role.parse({ title: '客服主管', department: 'cs', responsibilities: ['x'] }) }],
    sops: [{ id: 'qa', file: 'sops/qa.md', data: schemas.sop.parse({ title: '抽查', owner: 'lead', steps: ['x'] }) }],
    plans: [
      {
        id: 'p',
        file: 'plans/p.yaml',
        data: schemas.plan.parse({ title: '计划', store: '店', period: { start: '2014-01', end: '2014-12' } }),
      },
    ],
    glossary: schemas.glossary.parse([{ term: '直通车', aliases: ['Taobao PPC ads'], definition: 'x' }]),
  };
  const links = linker(handbook, '/h/');

  it('resolves ids to titled links', () => {
    expect(links.department('cs')).toEqual({ href: '/h/departments/cs/', label: '客服' });
    expect(links.role('lead')).toEqual({ href: '/h/roles/lead/', label: '客服主管' });
    expect(links.sop('qa')).toEqual({ href: '/h/sops/qa/', label: '抽查' });
    expect(links.plan('p')).toEqual({ href: '/h/plans/p/', label: '计划' });
  });

  it('leaves an unknown id as a plain label', () => {
    expect(links.role('ghost')).toEqual({ label: 'ghost' });
    expect(links.term('钻展')).toEqual({ label: '钻展' });
  });

  it('links a term or an alias to the term’s anchor, labelled as written', () => {
    expect(links.term('直通车')).toEqual({ href: '/h/glossary/#直通车', label: '直通车' });
    expect(links.term('Taobao PPC ads')).toEqual({ href: '/h/glossary/#直通车', label: 'Taobao PPC ads' });
  });
});

describe('editLink', () => {
  it('is absent without an editUrl or a file', () => {
    expect(editLink(undefined, 'roles/a.md')).toBeUndefined();
    expect(editLink('https://git.example/edit/main/content', undefined)).toBeUndefined();
  });

  it('appends the file, or fills {file}', () => {
    expect(editLink('https://git.example/edit/main/content', 'roles/a.md')).toBe('https://git.example/edit/main/content/roles/a.md');
    expect(editLink('https://git.example/edit/main/content/', 'roles/a.md')).toBe('https://git.example/edit/main/content/roles/a.md');
    expect(editLink('https://git.example/edit?path=content/{file}&ref=main', 'sops/b c.mdx')).toBe(
      'https://git.example/edit?path=content/sops/b%20c.mdx&ref=main',
    );
  });
});
