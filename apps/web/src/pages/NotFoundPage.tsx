import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../components/LinkButton';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 20 }}>{t('common.notFound')}</h1>}
      extra={
        <LinkButton to="/" type="primary">
          {t('common.back')}
        </LinkButton>
      }
    />
  );
}
