import '../ui/ui.css';
import '../account/account.css';
import './admin.css';
import { mayManageConfig } from '../abilities.ts';
import { useApp } from '../context.ts';
import { reasonText } from '../i18n/reasons.ts';
import { hrefOf, type AdminSection } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { AuditSection } from './AuditSection.tsx';
import { PrivacyTextsSection } from './PrivacyTextsSection.tsx';
import { ProjectsSection } from './ProjectsSection.tsx';
import { SimpleListSection } from './SimpleListSection.tsx';
import { TeamsSection } from './TeamsSection.tsx';
import { UsersSection } from './UsersSection.tsx';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from '../account/pack.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { adminPack } from './pack.ts';

const CONFIG_SECTIONS = ['buurten', 'partners', 'themas', 'soorten', 'projecten', 'teams'] as const satisfies readonly AdminSection[];
const PEOPLE_SECTIONS = ['gebruikers', 'auditlog', 'privacy'] as const satisfies readonly AdminSection[];

/** `#/beheer` and `#/beheer/<section>`: the coordinator's set-up of the programme. */
export function AdminScreen({ section }: { section: AdminSection | null }) {
  const { me } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  if (!mayManageConfig(me.role)) {
    return (
      <>
        <ScreenTitle>{t('admin.title')}</ScreenTitle>
        <p>{reasonText('forbidden', t)}</p>
      </>
    );
  }
  if (section === null) {
    return (
      <>
        <ScreenTitle>{t('admin.title')}</ScreenTitle>
        <p>{t('admin.intro')}</p>
        <nav aria-labelledby="admin-config">
          <h2 id="admin-config">{t('admin.configTitle')}</h2>
          <SectionLinks sections={CONFIG_SECTIONS} label={(s) => t(`admin.section.${s}`)} />
        </nav>
        <nav aria-labelledby="admin-people">
          <h2 id="admin-people">{t('admin.peopleTitle')}</h2>
          <p class="field-hint">{t('admin.peopleHint')}</p>
          <SectionLinks sections={PEOPLE_SECTIONS} label={(s) => t(`admin.section.${s}`)} />
        </nav>
      </>
    );
  }
  return (
    <>
      <p class="back-link">
        <a href={hrefOf({ name: 'admin', section: null })}>{t('admin.back')}</a>
      </p>
      <ScreenTitle>{t(`admin.section.${section}`)}</ScreenTitle>
      <Section section={section} />
    </>
  );
}

function Section({ section }: { section: AdminSection }) {
  switch (section) {
    case 'buurten':
      return <SimpleListSection kind="buurt" />;
    case 'partners':
      return <SimpleListSection kind="partner" />;
    case 'themas':
      return <SimpleListSection kind="theme" />;
    case 'soorten':
      return <SimpleListSection kind="activityType" />;
    case 'projecten':
      return <ProjectsSection />;
    case 'teams':
      return <TeamsSection />;
    case 'gebruikers':
      return <UsersSection />;
    case 'auditlog':
      return <AuditSection />;
    case 'privacy':
      return <PrivacyTextsSection />;
  }
}

function SectionLinks({ sections, label }: { sections: readonly AdminSection[]; label(section: AdminSection): string }) {
  return (
    <ul class="link-list">
      {sections.map((s) => (
        <li key={s}>
          <a class="link-card" href={hrefOf({ name: 'admin', section: s })}>
            {label(s)}
          </a>
        </li>
      ))}
    </ul>
  );
}
