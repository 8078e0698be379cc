import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useRegistration } from '../../api/queries';
import type { Registration } from '../../api/types';
import { LinkButton } from '../../components/LinkButton';
import { Loadable } from '../../components/Loadable';
import { Panel } from '../../components/Panel';
import { beijingTime } from '../../lib/format';
import pageStyles from '../pages.module.css';
import { Agenda } from './Agenda';
import { Meetings } from './Meetings';
import { NS } from './messages';
import { ProfileForm } from './ProfileForm';
import { useAgenda, useMatchSettings, useMeetings, useOwnProfile, useSuggestions, useVocabulary } from './queries';
import { Suggestions } from './Suggestions';
import type { MatchSettings } from './types';

const SIDES = ['enterprise', 'phd', 'institution'];

/** 供需对接 of one registration (`/r/:id/matchmaking?token=`): its own chunk, linked from 我的报名. */
export default function MatchmakingPage() {
  const { t } = useTranslation(NS);
  const id = Number(useParams().id);
  const token = useSearchParams()[0].get('token') ?? '';
  const registration = useRegistration(id, token);
  if (!token) return <Alert type="error" showIcon title={t('registration.noToken', { ns: 'translation' })} />;
  return <Loadable query={registration}>{(r) => <WithSettings registration={r} token={token} />}</Loadable>;
}

function WithSettings({ registration: r, token }: { registration: Registration; token: string }) {
  const { t } = useTranslation(NS);
  const settings = useMatchSettings(r.sessionId);
  const back = `/r/${r.id}?token=${encodeURIComponent(token)}`;
  return (
    <div className={pageStyles.stack}>
      <h1 className={pageStyles.h1}>{t('title')}</h1>
      <LinkButton to={back}>{t('back')}</LinkButton>
      <Loadable query={settings}>
        {(s) =>
          !s || !s.enabled ? (
            <Alert type="info" showIcon title={t('notEnabled')} />
          ) : !SIDES.includes(r.category) ? (
            <Alert type="info" showIcon title={t('notParticipant')} />
          ) : (
            <Participant id={r.id} token={token} side={r.category} settings={s} />
          )
        }
      </Loadable>
    </div>
  );
}

function Participant(props: { id: number; token: string; side: string; settings: MatchSettings }) {
  const { t, i18n } = useTranslation(NS);
  const { id, token } = props;
  const vocabulary = useVocabulary();
  const profile = useOwnProfile(id, token);
  const hasProfile = !!profile.data;
  const suggestions = useSuggestions(id, token, hasProfile);
  const meetings = useMeetings(id, token, hasProfile);
  const agenda = useAgenda(id, token, hasProfile);
  return (
    <>
      <p className={pageStyles.muted}>
        {t('deadline', { time: beijingTime(props.settings.requestDeadline, i18n.language) })}
      </p>
      <Panel title={t('profile.title')}>
        {!hasProfile && profile.isSuccess && <p className={pageStyles.muted}>{t('profile.hintNew')}</p>}
        <Loadable query={{ ...vocabulary, isPending: vocabulary.isPending || profile.isPending }}>
          {(v) => <ProfileForm id={id} token={token} side={props.side} profile={profile.data ?? null} vocabulary={v} />}
        </Loadable>
      </Panel>
      {hasProfile && (
        <>
          <Panel title={t('suggestions.title')}>
            <Loadable query={suggestions}>
              {(items) => <Suggestions id={id} token={token} items={items} meetings={meetings.data ?? []} />}
            </Loadable>
          </Panel>
          <Panel title={t('meetings.incoming') + ' / ' + t('meetings.outgoing')}>
            <Loadable query={meetings}>{(items) => <Meetings id={id} token={token} items={items} />}</Loadable>
          </Panel>
          <Panel title={t('agenda.title')}>
            <Loadable query={agenda}>{(items) => <Agenda items={items} />}</Loadable>
          </Panel>
        </>
      )}
    </>
  );
}
