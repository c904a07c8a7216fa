import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASONS } from '../../src/domain/errors.ts';
import { accountPack } from '../../src/app/account/pack.ts';
import { adminPack } from '../../src/app/admin/pack.ts';
import { core } from '../../src/app/i18n/core.ts';
import { coreEn } from '../../src/app/i18n/core-en.ts';
import { reasonText } from '../../src/app/i18n/reasons.ts';
import { createT, isLang, loadCore, plural, type Pack } from '../../src/app/i18n/translate.ts';

const ROOT = join(import.meta.dirname, '../..');
const APP = join(ROOT, 'src/app');

/** Every word file of the app: each feature's nl.ts, wherever it lives under src/app. */
function wordFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? wordFiles(path) : name === 'nl.ts' ? [path] : [];
  });
}

type Words = Readonly<Record<string, string>>;
type Feature = { name: string; dir: string; nl: Words; en: Words; pack: Pack<string> | null };

const FEATURES: Feature[] = await Promise.all(
  wordFiles(APP).map(async (file) => {
    const dir = dirname(file);
    const { nl } = (await import(file)) as { nl: Words };
    const { en } = (await import(join(dir, 'en.ts'))) as { en: Words };
    const packModule = statSync(join(dir, 'pack.ts'), { throwIfNoEntry: false }) ? ((await import(join(dir, 'pack.ts'))) as Record<string, unknown>) : {};
    const pack = (Object.values(packModule).find((value) => typeof value === 'object' && value !== null && 'nl' in value) as Pack<string> | undefined) ?? null;
    return { name: relative(APP, dir), dir, nl, en, pack };
  }),
);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the word files beside each feature', () => {
  it('are found under src/app, the first screen’s and the later ones', () => {
    const names = FEATURES.map((f) => f.name);
    for (const name of [
      'ui',
      'ui/forms',
      'sync',
      'activities',
      'i18n/reasons',
      'activities/form',
      'attendance',
      'settings',
      'account',
      'admin',
      'schouw',
      'place',
      'report',
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(FEATURES.map((f) => [f.name, f] as const))('%s: English has exactly the Dutch keys, none empty, with the same parameters', (_name, feature) => {
    expect(Object.keys(feature.en).sort()).toEqual(Object.keys(feature.nl).sort());
    for (const [key, text] of Object.entries(feature.nl)) {
      expect(text.trim(), key).not.toBe('');
      expect(feature.en[key]?.trim(), key).not.toBe('');
      expect(placeholders(feature.en[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('each feature’s words load either with the first screen (core.ts) or as its own pack', () => {
    const coreKeys = new Set(Object.keys(core));
    for (const feature of FEATURES) {
      const keys = Object.keys(feature.nl);
      const isCore = keys.every((key) => coreKeys.has(key));
      if (isCore) {
        for (const key of keys) expect(coreEn[key as keyof typeof coreEn], key).toBe(feature.en[key]);
      } else {
        expect(feature.pack?.nl, feature.name).toBe(feature.nl);
        expect(feature.pack?.en, feature.name).toBe(feature.en);
      }
    }
  });

  it('no key is defined twice: not in two features, not in a pack and the first screen’s words', () => {
    const seen = new Map<string, string>();
    const doubles: string[] = [];
    for (const feature of FEATURES) {
      for (const key of Object.keys(feature.nl)) {
        if (seen.has(key)) doubles.push(`${key} (${seen.get(key)} and ${feature.name})`);
        seen.set(key, feature.name);
      }
    }
    expect(doubles).toEqual([]);
  });

  it('labels an enumeration once: no two key groups name the same codes (one set of labels, in one place)', () => {
    // A group is the keys before the last dot ("patrolType" of "patrolType.graffiti"); its codes are what follows.
    const groups = new Map<string, Set<string>>();
    for (const feature of FEATURES) {
      for (const key of Object.keys(feature.nl)) {
        const dot = key.lastIndexOf('.');
        if (dot <= 0) continue;
        const group = `${feature.name}: ${key.slice(0, dot)}`;
        groups.set(group, (groups.get(group) ?? new Set()).add(key.slice(dot + 1)));
      }
    }
    const bySet = new Map<string, string[]>();
    for (const [group, codes] of groups) {
      if (codes.size < 3) continue;
      const signature = [...codes].sort().join(',');
      bySet.set(signature, [...(bySet.get(signature) ?? []), group]);
    }
    expect([...bySet.values()].filter((named) => named.length > 1)).toEqual([]);
  });
});

describe('translations', () => {
  it('the first screen’s English has exactly its Dutch keys', () => {
    expect(Object.keys(coreEn).sort()).toEqual(Object.keys(core).sort());
  });

  it('fills parameters and leaves unknown ones visible', () => {
    const t = createT('nl', core);
    expect(t('sync.pending.other', { count: 3 })).toBe('3 wijzigingen alleen op dit toestel');
    expect(t('sync.pending.other')).toBe('{count} wijzigingen alleen op dit toestel');
  });

  it('picks the singular or plural form', () => {
    const t = createT('nl', core);
    expect(plural(t, 'sync.pending', 1)).toBe('1 wijziging alleen op dit toestel');
    expect(plural(t, 'sync.pending', 3)).toBe('3 wijzigingen alleen op dit toestel');
  });

  it('loads English on demand and Dutch at once', async () => {
    expect(await loadCore('nl')).toBe(core);
    expect(await loadCore('en')).toBe(coreEn);
  });

  it('knows its languages', () => {
    expect(isLang('nl')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('de')).toBe(false);
  });

  it('keeps Dutch terms of art in English', () => {
    expect(coreEn['activityType.schouw']).toBe('Schouw');
  });

  it('reads a pack first, then the first screen’s words, in the chosen language', () => {
    const t = createT('en', coreEn, accountPack, adminPack);
    expect(t('signIn.title')).toBe('Sign in');
    expect(t('team.membersCount.other', { count: 3 })).toBe('3 members');
    expect(t('nav.settings')).toBe('Settings');
    expect(createT('nl', core, accountPack)('invite.lead', { team: 'Buurtpreventie Oranjebuurt', tenant: 'Alblasserdam', name: 'Sanne' })).toBe(
      'Je bent uitgenodigd voor team Buurtpreventie Oranjebuurt van Alblasserdam als Sanne.',
    );
  });
});

describe('reasonText', () => {
  it.each(REASONS)('has its own words for %s in both languages', (reason) => {
    for (const [lang, words] of [
      ['nl', core],
      ['en', coreEn],
    ] as const) {
      const text = reasonText(reason, createT(lang, words));
      expect(text).toBe(words[`reason.${reason}`]);
    }
  });

  it('reads an unknown reason from a newer server as a server problem', () => {
    expect(reasonText('something-new', createT('nl', core))).toBe(core['reason.internal']);
  });

  it('covers exactly the domain reasons', () => {
    const keys = Object.keys(core)
      .filter((key) => key.startsWith('reason.'))
      .map((key) => key.slice('reason.'.length));
    expect(keys.sort()).toEqual([...REASONS].sort());
  });
});
