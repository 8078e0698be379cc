import { useQueryClient } from '@tanstack/react-query';
import { Button, Menu, Result, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe, useSignedIn } from './lib/me';
import { allows, type Section } from './lib/roles';
import { ConsoleTheme } from './lib/ConsoleTheme';
import { signOut } from './lib/session';
import styles from './console.module.css';
import { Loading } from './lib/Loading';

const MENU: { section: Section; path: string; label: string }[] = [
  { section: 'activities', path: '/console/activities', label: 'console:nav.activities' },
  { section: 'desk', path: '/console/desk', label: 'console:nav.desk' },
  { section: 'outcomes', path: '/console/outcomes', label: 'console:nav.outcomes' },
  { section: 'dashboard', path: '/console/dashboard', label: 'console:nav.dashboard' },
  { section: 'admin', path: '/console/admin', label: 'console:nav.admin' },
];

/** The section a console path belongs to, for refusing a page the role does not have. */
function sectionOf(pathname: string): Section | undefined {
  if (/^\/console\/(activities|sessions)/.test(pathname)) return 'activities';
  const m = /^\/console\/(desk|outcomes|dashboard|admin)/.exec(pathname);
  return m ? (m[1] as Section) : undefined;
}

export default function ConsoleLayout() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const me = useMe(signedIn);
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();

  useEffect(() => {
    if (!signedIn) client.removeQueries({ queryKey: ['console'] });
  }, [signedIn, client]);

  if (!signedIn) return <Navigate to={`/console/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (me.isPending) return <Loading />;
  if (me.isError || !me.data) return <Result status="error" title={t('console:common.error')} />;
  const role = me.data.role;
  const items = MENU.filter((m) => allows(role, m.section));
  const section = sectionOf(location.pathname);
  const refused = section !== undefined && !allows(role, section);

  return (
    <ConsoleTheme>
      <div className={styles.console}>
        <nav className={styles.menuBar} aria-label={t('console:nav.console')}>
          <Menu
            mode="horizontal"
            selectedKeys={items.filter((i) => location.pathname.startsWith(i.path)).map((i) => i.path)}
            items={items.map((i) => ({ key: i.path, label: t(i.label) }))}
            onClick={({ key }) => navigate(key)}
            className={styles.menu}
          />
          <Space size="small" wrap className={styles.who}>
            <Typography.Text type="secondary" className={styles.email}>
              {me.data.email}
            </Typography.Text>
            <Tag>{t(`console:role.${role}`)}</Tag>
            <Button
              size="small"
              onClick={async () => {
                await signOut();
                navigate('/console/login', { replace: true });
              }}
            >
              {t('console:nav.logout')}
            </Button>
          </Space>
        </nav>
        {refused ? <Navigate to={role === 'checkin_staff' ? '/console/desk' : '/console'} replace /> : <Outlet />}
      </div>
    </ConsoleTheme>
  );
}
