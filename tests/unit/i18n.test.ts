import { describe, expect, it } from 'vitest';
import { REASONS } from '../../src/domain/errors.ts';
import { en } from '../../src/app/i18n/en.ts';
import { nl } from '../../src/app/i18n/nl.ts';
import { reasonText } from '../../src/app/i18n/reasons.ts';
import { accountPack } from '../../src/app/i18n/account/pack.ts';
import { adminPack } from '../../src/app/i18n/admin/pack.ts';
import { packT, type Pack } from '../../src/app/i18n/pack.ts';
import { screensPack } from '../../src/app/i18n/screens/pack.ts';
import { findingsPack } from '../../src/app/i18n/findings/pack.ts';
import { placePack } from '../../src/app/i18n/place/pack.ts';
import { reportPack } from '../../src/app/i18n/report/pack.ts';
import { createT, isLang, loadMessages, plural, translate } from '../../src/app/i18n/translate.ts';

const PACKS: ReadonlyArray<readonly [string, Pack<string>]> = [
  ['screens', screensPack],
  ['account', accountPack],
  ['admin', adminPack],
  ['findings', findingsPack],
  ['place', placePack],
  ['report', reportPack],
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('English has exactly the Dutch keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('no message is empty in either language', () => {
    for (const messages of [nl, en]) {
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('every English message takes the same parameters as its Dutch one', () => {
    for (const [key, text] of Object.entries(nl)) {
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate(nl, 'sync.pending.other', { count: 3 })).toBe('3 wijzigingen alleen op dit toestel');
    expect(translate(nl, 'sync.pending.other')).toBe('{count} wijzigingen alleen op dit toestel');
  });

  it('picks the singular or plural form', () => {
    const t = createT(nl);
    expect(plural(t, 'sync.pending', 1)).toBe('1 wijziging alleen op dit toestel');
    expect(plural(t, 'sync.pending', 3)).toBe('3 wijzigingen alleen op dit toestel');
  });

  it('loads English on demand and Dutch at once', async () => {
    expect(await loadMessages('nl')).toBe(nl);
    expect(await loadMessages('en')).toBe(en);
  });

  it('knows its languages', () => {
    expect(isLang('nl')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('de')).toBe(false);
  });

  it('keeps Dutch terms of art in English', () => {
    expect(en['activityType.schouw']).toBe('Schouw');
  });
});

describe('reasonText', () => {
  it.each(REASONS)('has its own words for %s in both languages', (reason) => {
    for (const messages of [nl, en]) {
      const text = reasonText(reason, createT(messages));
      expect(text).toBe(messages[`reason.${reason}`]);
    }
  });

  it('reads an unknown reason from a newer server as a server problem', () => {
    const t = createT(nl);
    expect(reasonText('something-new', t)).toBe(nl['reason.internal']);
  });

  it('covers exactly the domain reasons', () => {
    const keys = Object.keys(nl).filter((key) => key.startsWith('reason.')).map((key) => key.slice('reason.'.length));
    expect(keys.sort()).toEqual([...REASONS].sort());
  });
});

describe('message packs (words of the screens after the first)', () => {
  it.each(PACKS)('%s: English has exactly the Dutch keys, none empty, with the same parameters', (_name, pack) => {
    expect(Object.keys(pack.en).sort()).toEqual(Object.keys(pack.nl).sort());
    for (const [key, text] of Object.entries(pack.nl)) {
      expect(text.trim(), key).not.toBe('');
      expect((pack.en as Record<string, string>)[key]?.trim(), key).not.toBe('');
      expect(placeholders((pack.en as Record<string, string>)[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('no key is defined twice: not in two packs, not in a pack and the first screen’s words', () => {
    const seen = new Map<string, string>(Object.keys(nl).map((key) => [key, 'core']));
    const doubles: string[] = [];
    for (const [name, pack] of PACKS) {
      for (const key of Object.keys(pack.nl)) {
        if (seen.has(key)) doubles.push(`${key} (${seen.get(key)} and ${name})`);
        seen.set(key, name);
      }
    }
    expect(doubles).toEqual([]);
  });

  it('reads a pack first, then the first screen’s words, in the chosen language', () => {
    const t = packT(createT(en), 'en', accountPack, adminPack);
    expect(t('signIn.title')).toBe('Sign in');
    expect(t('team.membersCount.other', { count: 3 })).toBe('3 members');
    expect(t('nav.settings')).toBe('Settings');
    expect(packT(createT(nl), 'nl', accountPack)('invite.lead', { team: 'Buurtpreventie Oranjebuurt', tenant: 'Alblasserdam', name: 'Sanne' })).toBe(
      'Je bent uitgenodigd voor team Buurtpreventie Oranjebuurt van Alblasserdam als Sanne.',
    );
  });
});
