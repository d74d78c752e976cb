import { describe, expect, it } from 'vitest';
import { basePath, deployment, DeploymentError, siteAddress } from '../../../src/integrations/deploy.ts';

describe('basePath (OPSBOOK_BASE)', () => {
  it.each([
    ['/handbook/', '/handbook/'],
    ['/handbook', '/handbook/'],
    ['handbook', '/handbook/'],
    [' /team/handbook ', '/team/handbook/'],
    ['//handbook//', '/handbook/'],
  ])('%j → %j', (input, expected) => expect(basePath(input)).toBe(expected));

  it.each([undefined, '', '/', '  '])('%j is the host root', (input) => expect(basePath(input)).toBeUndefined());

  it.each(['/hand book/', '/手册/', '/a/../b/', '/x?y'])('refuses %j with a message in both languages', (input) => {
    expect(() => basePath(input)).toThrow(DeploymentError);
    expect(() => basePath(input)).toThrow(/OPSBOOK_BASE.*\/handbook\//);
  });
});

describe('siteAddress (OPSBOOK_SITE)', () => {
  it('takes a full http(s) address', () => {
    expect(siteAddress('https://handbook.example.com')?.origin).toBe('https://handbook.example.com');
    expect(siteAddress('')).toBeUndefined();
  });

  it.each(['handbook.example.com', 'ftp://example.com', 'https://example.com/?x=1'])('refuses %j', (input) => {
    expect(() => siteAddress(input)).toThrow(/OPSBOOK_SITE/);
  });
});

describe('deployment', () => {
  it('is empty without the variables: the site at the host root, no address', () => {
    expect(deployment({})).toEqual({});
  });

  it('takes the base from the address when OPSBOOK_BASE is not set', () => {
    expect(deployment({ OPSBOOK_SITE: 'https://team.github.io/handbook/' })).toEqual({ base: '/handbook/', site: 'https://team.github.io' });
    expect(deployment({ OPSBOOK_SITE: 'https://handbook.example.com/' })).toEqual({ site: 'https://handbook.example.com' });
  });

  it('lets OPSBOOK_BASE win, "/" included', () => {
    expect(deployment({ OPSBOOK_SITE: 'https://team.github.io/handbook/', OPSBOOK_BASE: '/other' })).toEqual({
      base: '/other/',
      site: 'https://team.github.io',
    });
    expect(deployment({ OPSBOOK_SITE: 'https://team.github.io/handbook/', OPSBOOK_BASE: '/' })).toEqual({ site: 'https://team.github.io' });
    expect(deployment({ OPSBOOK_BASE: 'handbook' })).toEqual({ base: '/handbook/' });
  });
});
