import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from './LinkButton';
import styles from './Panel.module.css';

/** What `Loadable` shows for a 404: loaded only then, so antd's Empty is not in every first load. */
export default function NotFound() {
  const { t } = useTranslation();
  return (
    <Empty description={<h1 className={styles.notFound}>{t('common.notFound')}</h1>}>
      <LinkButton to="/" type="primary">
        {t('common.back')}
      </LinkButton>
    </Empty>
  );
}
