import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATE_COLOR, type SessionState } from '../lib/format';

export function StateTag({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} variant="solid">
      {t(`state.${state}`)}
    </Tag>
  );
}
