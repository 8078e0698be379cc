import { Button } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { Loading } from '../components/Loading';
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
    <div className={styles.layout}>
      <a className={styles.skip} href="#main">
        {t('app.skip')}
      </a>
      <header className={styles.header}>
        <Link to="/" className={styles.brand}>
          {t('app.title')}
        </Link>
        <div className={styles.actions}>
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
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
