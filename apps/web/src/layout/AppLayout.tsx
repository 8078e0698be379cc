import { Button, Layout, Space, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { consoleNavItems } from '../console/routes';
import { setLanguage, type Lang } from '../i18n';
import styles from './AppLayout.module.css';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const switchLanguage = () => {
    const next: Lang = i18n.language === 'en' ? 'zh-CN' : 'en';
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(window.history.state, '', url);
    void setLanguage(next);
  };
  return (
    <Layout className={styles.layout}>
      <a className={styles.skip} href="#main">
        {t('app.skip')}
      </a>
      <Layout.Header className={styles.header}>
        <Link to="/" className={styles.brand}>
          {t('app.title')}
        </Link>
        <Space size="small">
          {consoleNavItems.map((item) => (
            <Link key={item.path} to={item.path} className={styles.nav}>
              {t(item.label)}
            </Link>
          ))}
          <Button
            size="small"
            onClick={switchLanguage}
            lang={i18n.language === 'en' ? 'zh-CN' : 'en'}
            aria-label={`${t('app.language')}: ${t('app.switchTo')}`}
          >
            {t('app.switchTo')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content id="main" className={styles.main} tabIndex={-1}>
        <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
