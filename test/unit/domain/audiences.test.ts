/** domain/audiences.ts: which audience an entry belongs to and who may read it. */
import { describe, expect, it } from 'vitest';
import { audiencesOf } from '../../../src/domain/audiences.ts';
import { AUDIENCE_COLLECTIONS, site } from '../../../src/schema/collections.ts';
import { COLLECTION_NAMES } from '../../../src/schema/registry.ts';

const declared = (audiences: unknown) => audiencesOf(site.parse({ name: 'x', audiences }))!;

describe('audiencesOf', () => {
  it('is undefined without audiences: one site for everyone', () => {
    expect(audiencesOf(site.parse({ name: 'x' }))).toBeUndefined();
    expect(audiencesOf(site.parse({ name: 'x', audiences: [] }))).toBeUndefined();
  });

  const staffAndManagement = declared([
    { id: 'staff', name: '全体员工' },
    { id: 'management', name: '管理层', includes: ['staff'], default: ['plans'] },
  ]);

  it('puts an entry in the audience it names, else its collection default, else the first', () => {
    expect(staffAndManagement.audienceOf('sops', undefined)).toBe('staff');
    expect(staffAndManagement.audienceOf('plans', undefined)).toBe('management');
    expect(staffAndManagement.audienceOf('plans', 'staff')).toBe('staff');
    expect(staffAndManagement.audienceOf('glossary', 'management')).toBe('management');
  });

  it('lets an audience read its own entries and those of the audiences it includes, not the other way', () => {
    expect(staffAndManagement.canRead('management', 'staff')).toBe(true);
    expect(staffAndManagement.canRead('management', 'management')).toBe(true);
    expect(staffAndManagement.canRead('staff', 'management')).toBe(false);
    expect(staffAndManagement.readersOf('staff')).toEqual(['staff', 'management']);
    expect(staffAndManagement.readersOf('management')).toEqual(['management']);
    expect(staffAndManagement.nameOf('management')).toBe('管理层');
    expect(staffAndManagement.nameOf('nobody')).toBe('nobody');
  });

  it('follows includes transitively, and survives a loop', () => {
    const a = declared([
      { id: 'staff', name: 'a' },
      { id: 'leads', name: 'b', includes: ['staff'] },
      { id: 'owner', name: 'c', includes: ['leads'] },
      { id: 'x', name: 'd', includes: ['y'] },
      { id: 'y', name: 'e', includes: ['x'] },
    ]);
    expect([...a.sees('owner')].sort()).toEqual(['leads', 'owner', 'staff']);
    expect(a.readersOf('staff')).toEqual(['staff', 'leads', 'owner']);
    expect([...a.sees('x')].sort()).toEqual(['x', 'y']);
    expect(a.canRead('staff', 'owner')).toBe(false);
  });

  it('knows every collection but site.yaml', () => {
    expect([...AUDIENCE_COLLECTIONS].sort()).toEqual(COLLECTION_NAMES.filter((n) => n !== 'site').sort());
  });
});
