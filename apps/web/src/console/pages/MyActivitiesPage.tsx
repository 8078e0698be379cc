import { Button, Card, Collapse, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyActivities } from '../lib/queries';
import { bjTime } from '../lib/time';
import type { MyActivity, SessionView } from '../lib/types';
import { Loading } from '../lib/Loading';

function Sessions({ activity }: { activity: MyActivity }) {
  const { t } = useTranslation();
  if (activity.sessions.length === 0)
    return <Typography.Text type="secondary">{t('console:activities.noSessions')}</Typography.Text>;
  return (
    <Table<SessionView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={activity.sessions}
      columns={[
        { title: t('console:session.title'), dataIndex: 'title' },
        { title: t('console:session.startsAt'), render: (_, s) => bjTime(s.startsAt) },
        { title: t('console:session.mode'), render: (_, s) => t(`console:mode.${s.mode}`) },
        {
          title: t('console:session.status'),
          render: (_, s) => <Tag>{t(`console:sessionStatus.${s.status}`, s.status)}</Tag>,
        },
        {
          title: t('console:session.quotas'),
          render: (_, s) =>
            s.quotas
              .map((q) => `${t(`console:category.${q.category}`)} ${q.confirmed + q.pending}/${q.capacity}`)
              .join('，'),
        },
        {
          title: t('console:roster.actions'),
          render: (_, s) => (
            <Space wrap size="small">
              <Link to={`/console/sessions/${s.id}/registrations`}>{t('console:activities.registrations')}</Link>
              <Link to={`/console/sessions/${s.id}/edit`}>{t('console:activities.edit')}</Link>
              <Link to={`/console/desk/${s.id}`}>{t('console:activities.desk')}</Link>
            </Space>
          ),
        },
      ]}
    />
  );
}

function ActivityCard({ activity }: { activity: MyActivity }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <span>
          {activity.label} {activity.shortTitle ?? activity.title}
        </span>
      }
      extra={
        <Link to={`/console/activities/${activity.id}/sessions/new`}>
          <Button size="small" type="primary" tabIndex={-1}>
            {t('console:activities.newSession')}
          </Button>
        </Link>
      }
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('console:activities.window')}：{activity.window.text} · {t('console:activities.leadUnits')}：
        {activity.leadUnits.map((u) => u.name).join('、')}
        {activity.hostUnits.length > 0 &&
          ` · ${t('console:activities.hostUnits')}：${activity.hostUnits.map((u) => u.name).join('、')}`}
      </Typography.Paragraph>
      <Sessions activity={activity} />
      {activity.targets.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 't',
              label: `${t('console:activities.targets')}（${activity.targets.length}）`,
              children: (
                <List
                  size="small"
                  dataSource={activity.targets}
                  renderItem={(tg) => (
                    <List.Item>
                      {tg.label}：{tg.comparator === 'at_least' ? '≥' : ''}
                      {tg.target} {tg.unit}
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** 我的活动: by program and series, each activity with its sessions and targets. */
export default function MyActivitiesPage() {
  const { t } = useTranslation();
  const mine = useMyActivities();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <Typography.Text type="danger">{t('console:common.error')}</Typography.Text>;
  const { programs } = mine.data;
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('console:activities.title')}
      </Typography.Title>
      {programs.length === 0 && <Empty description={t('console:activities.empty')} />}
      {programs.map((p) => (
        <section key={p.code} aria-label={p.title}>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {p.title}
          </Typography.Title>
          {p.series.map((s) => (
            <section key={s.id}>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {s.label} {s.title}
              </Typography.Title>
              {s.activities.map((a) => (
                <ActivityCard key={a.id} activity={a} />
              ))}
            </section>
          ))}
        </section>
      ))}
    </section>
  );
}
