import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from './LinkButton';
import styles from './Panel.module.css';
import { ApiError } from '../api/client';

interface Props<T> {
  query: { data: T | undefined; error: Error | null; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}

/** Loading skeleton, a 404 page or an error with retry, else the children with the data. */
export function Loadable<T>({ query, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Spin aria-busy="true" aria-label={t('common.loading')} />;
  if (query.error) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <Empty description={<h1 className={styles.notFound}>{t('common.notFound')}</h1>}>
          <LinkButton to="/" type="primary">
            {t('common.back')}
          </LinkButton>
        </Empty>
      );
    }
    return (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={query.error.message}
        action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return <>{children(query.data as T)}</>;
}
