import { Alert, Button } from 'antd';
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './Loading';
import { ApiError } from '../api/client';

const NotFound = lazy(() => import('./NotFound'));

interface Props<T> {
  query: { data: T | undefined; error: Error | null; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}

/** A spinner, a 404 page or an error with retry, else the children with the data. */
export function Loadable<T>({ query, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.error) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
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
