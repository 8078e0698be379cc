import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LinkButton } from '../../components/LinkButton';
import { Panel } from '../../components/Panel';
import i18n from '../../i18n';

/**
 * The link from 我的报名 to 供需对接 when the session runs matchmaking. Its three strings live here, in
 * the registration page's chunk, so the first load of other pages does not carry them.
 */
const NS = 'matchmakingLink';
i18n.addResourceBundle('zh-CN', NS, {
  title: '供需对接',
  hint: '本场次开展供需对接：发布需求或专长，查看推荐对象，约见洽谈。',
  open: '进入供需对接',
});
i18n.addResourceBundle('en', NS, {
  title: 'Matchmaking',
  hint: 'This session runs matchmaking: publish your needs or expertise, see suggested partners, request meetings.',
  open: 'Open matchmaking',
});

const SIDES = ['enterprise', 'phd', 'institution'];

export function MatchmakingLink(props: { id: number; token: string; sessionId: number; category: string }) {
  const { t } = useTranslation(NS);
  const enabled = useQuery({
    queryKey: ['matchmaking-enabled', props.sessionId],
    enabled: SIDES.includes(props.category),
    retry: false,
    // 422 when the session does not run matchmaking: then there is nothing to link
    queryFn: async () => {
      const { data, response } = await api.GET('/api/sessions/{id}/matchmaking', {
        params: { path: { id: props.sessionId } },
      });
      return response.ok && (data as { enabled?: boolean } | undefined)?.enabled === true;
    },
  });
  if (!enabled.data) return null;
  return (
    <Panel title={t('title')}>
      <p style={{ color: '#595959' }}>{t('hint')}</p>
      <LinkButton type="primary" to={`/r/${props.id}/matchmaking?token=${encodeURIComponent(props.token)}`}>
        {t('open')}
      </LinkButton>
    </Panel>
  );
}
