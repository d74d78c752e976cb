/** Every role page lists exactly the SOPs that name the role as owner, or as participant or step role — from the SOPs, never typed twice. */
import { describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { loadContent } from '../../src/check/load.ts';
import { page } from './helpers.ts';

const { handbook } = await loadContent(path.resolve('content'), { today: '2026-11-25' });
const dist = inject('sampleDist');

function sopLinks(html: string, kind: 'owned' | 'taking-part'): string[] {
  const section = new RegExp(`<section[^>]*data-role-sops="${kind}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
  return [...section.matchAll(/href="[^"]*\/sops\/([^/"#]+)\/"/g)].map((m) => m[1]!).sort();
}

describe.each(handbook.roles.map((r) => r.id))('role %s', (roleId) => {
  it('lists exactly the SOPs it owns and the ones it takes part in', () => {
    const html = page(dist, `roles/${roleId}`);
    const owned = handbook.sops
      .filter((s) => s.data.owner === roleId)
      .map((s) => s.id)
      .sort();
    const takingPart = handbook.sops
      .filter((s) => s.data.owner !== roleId && (s.data.participants.includes(roleId) || s.data.steps.some((step) => step.by === roleId)))
      .map((s) => s.id)
      .sort();
    expect(sopLinks(html, 'owned')).toEqual(owned);
    expect(sopLinks(html, 'taking-part')).toEqual(takingPart);
    expect(owned.length + takingPart.length).toBeGreaterThan(0);
  });
});
