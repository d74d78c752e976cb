/** The authors' guide's sections and code samples (src/guide/guide.ts). */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  basePathExample,
  durationUnits,
  GUIDE_SECTIONS,
  githubPagesExample,
  guideAnchors,
  nginxExample,
  objectStorageExample,
  sectionTitle,
} from '../../../src/guide/guide.ts';
import { UNIT_ALIASES } from '../../../src/domain/time.ts';
import { RULES } from '../../../src/check/rules.ts';
import { useTranslations } from '../../../src/i18n/index.ts';

describe('sections', () => {
  const anchors = guideAnchors();

  it('have unique ids that no rule id can take (rule ids hold a dot)', () => {
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const id of anchors) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const rule of Object.keys(RULES)) expect(anchors).not.toContain(rule);
  });

  it('cover the topics of the guide, titled in both languages', () => {
    expect(anchors).toEqual(
      expect.arrayContaining([
        'layout',
        'collections',
        'values',
        'checks',
        'writing-sops',
        'printing',
        'publishing',
        'nginx',
        'github-pages',
        'base-path',
        'object-storage',
      ]),
    );
    for (const id of anchors) {
      expect(sectionTitle(id, 'zh-CN'), id).toBeTruthy();
      expect(sectionTitle(id, 'en'), id).toBeTruthy();
    }
    expect(GUIDE_SECTIONS[0]!.id).toBe('layout');
  });
});

describe('duration units', () => {
  it('list every spelling the parser accepts, once', () => {
    const units = durationUnits();
    expect(Object.values(units).flat().sort()).toEqual(Object.keys(UNIT_ALIASES).sort());
    expect(units.h[0]).toBe('h');
    expect(units.h).toContain('小时');
  });
});

describe('code samples', () => {
  it('give a GitHub Pages workflow that is valid YAML and builds with the site address', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const workflow = parse(githubPagesExample(lang)) as {
        jobs: { deploy: { steps: { run?: string; env?: Record<string, string>; with?: Record<string, unknown> }[] } };
      };
      const steps = workflow.jobs.deploy.steps;
      expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npm run build']);
      expect(steps.find((s) => s.run === 'npm run build')!.env!.OPSBOOK_SITE).toMatch(/^https:\/\/.+\/$/);
      expect(steps.some((s) => s.with?.path === 'dist')).toBe(true);
    }
  });

  it('give an Nginx block serving folders by their index.html, redirecting to the trailing slash', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const config = nginxExample(lang);
      expect(config).toContain('try_files $uri $uri/ =404;');
      expect(config).toContain('index index.html;');
      expect(config).toContain('absolute_redirect off;');
      expect(config.split('{').length).toBe(config.split('}').length);
    }
  });

  it('use the environment variables astro.config.mjs reads', () => {
    expect(basePathExample('zh-CN')).toContain('OPSBOOK_BASE=/handbook/');
    expect(basePathExample('en')).toContain('OPSBOOK_SITE=https://intranet.example.com/handbook/');
    expect(objectStorageExample('en')).toContain('dist/');
  });
});

describe('labels', () => {
  it('exist in both languages', () => {
    const zh = useTranslations('zh-CN');
    const en = useTranslations('en');
    expect(zh('guide.title')).toBe('编写指南');
    expect(en('guide.title')).toBe("Authors' guide");
  });
});
