import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useSession } from './session.tsx';
import { LanguageSwitch } from './ui.tsx';

// a page is in the menu for a user holding its permission (any one of several)
const NAV: Array<{ path: string; key: string; permission?: string | string[] }> = [
  { path: '/', key: 'nav.overview' },
  { path: '/booth', key: 'nav.booth', permission: 'crossing.record' },
  { path: '/crossings', key: 'nav.crossings', permission: 'crossing.read' },
  { path: '/vehicles', key: 'nav.vehicles', permission: ['crossing.read', 'vehicle.mark'] },
  { path: '/checkpoints', key: 'nav.checkpoints', permission: 'geo.read' },
  { path: '/map', key: 'nav.map', permission: 'geo.read' },
  { path: '/screening', key: 'nav.screening', permission: 'watchlist.read' },
  { path: '/stays', key: 'nav.stays', permission: 'stay.read' },
  { path: '/desk', key: 'nav.desk', permission: 'exchange.read' },
  { path: '/compliance', key: 'nav.compliance', permission: 'exchange.compliance' },
  { path: '/udb', key: 'nav.udb', permission: 'udb.read' },
  { path: '/sez', key: 'nav.sez', permission: 'sez.read' },
  { path: '/cases', key: 'nav.cases', permission: 'case.read' },
  { path: '/organisations', key: 'nav.organisations', permission: 'org.read' },
  { path: '/legal', key: 'nav.legal', permission: 'legal.read' },
  { path: '/audit', key: 'nav.audit', permission: 'audit.read' },
  { path: '/users', key: 'nav.users', permission: 'user.manage' },
  { path: '/profile', key: 'nav.profile' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session, can, signOut, setLanguage } = useSession();
  const [location, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  return (
    <div className="shell">
      <header className="topbar">
        <button type="button" className="menu-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>☰ <span className="sr-only">{t('nav.menu')}</span></button>
        <Link href="/" className="brand"><span className="logo" aria-hidden="true">▲</span> {t('app.name')}</Link>
        <div className="spacer" />
        <LanguageSwitch value={i18n.language} onChange={(lang) => void setLanguage(lang)} />
        <span className="user" title={session?.user.username}>{session?.user.displayName}</span>
        <button type="button" className="ghost" onClick={() => { navigate('/'); void signOut(); }}>{t('nav.signOut')}</button>
      </header>
      <nav className={`sidebar${open ? ' open' : ''}`} aria-label={t('nav.menu')}>
        {NAV.filter((item) => !item.permission || [item.permission].flat().some(can)).map((item) => (
          <Link key={item.path} href={item.path} onClick={() => setOpen(false)}
            className={(item.path === '/' ? location === '/' : location.startsWith(item.path)) ? 'active' : ''}>
            {t(item.key)}
          </Link>
        ))}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
