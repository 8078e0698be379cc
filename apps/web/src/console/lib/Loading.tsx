import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A spinner that says what it is to screen readers (a bare Spin may not carry aria-label). */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={t('console:common.loading')} style={{ padding: 24, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}
