import { useTranslation } from 'react-i18next';
import { STATE_COLOR, type SessionState } from '../lib/format';
import { Tag } from './Tag';

export function StateTag({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`state.${state}`)}</Tag>;
}
