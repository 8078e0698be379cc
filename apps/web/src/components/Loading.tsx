import { useTranslation } from 'react-i18next';
import styles from './Loading.module.css';

/** A spinner drawn in CSS: antd's Spin would add ~2.5 KB gzipped to every page's first load. */
export function Loading() {
  const { t } = useTranslation();
  return <div role="status" aria-busy="true" aria-label={t('common.loading')} className={styles.loading} />;
}
