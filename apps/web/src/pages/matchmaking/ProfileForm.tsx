import { Alert, Button, Checkbox, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { NS } from './messages';
import { usePublishProfile } from './queries';
import type { CooperationMode, MatchProfile, MatchTag, ProfileBody, Vocabulary } from './types';

interface Values {
  technicalNeeds?: string;
  positionNeeds?: string;
  cooperationModes?: CooperationMode[];
  expertise?: string;
  researchProjects?: string;
  tags: MatchTag[];
  keywords?: string;
  acceptsSuggested?: boolean;
}

const lines = (s?: string, sep: RegExp = /\n/) =>
  (s ?? '')
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);
const orUndefined = (s?: string) => (s && s.trim() ? s.trim() : undefined);

function toBody(v: Values, enterprise: boolean): ProfileBody {
  const common = {
    published: true,
    acceptsSuggested: v.acceptsSuggested ?? false,
    tags: v.tags,
    keywords: lines(v.keywords, /[,，、;；\n]/),
  };
  return enterprise
    ? {
        ...common,
        technicalNeeds: orUndefined(v.technicalNeeds),
        positionNeeds: orUndefined(v.positionNeeds),
        cooperationModes: v.cooperationModes ?? [],
      }
    : { ...common, expertise: orUndefined(v.expertise), researchProjects: lines(v.researchProjects) };
}

function toValues(p: MatchProfile | null): Partial<Values> {
  if (!p) return { tags: [] };
  return {
    technicalNeeds: p.technicalNeeds,
    positionNeeds: p.positionNeeds,
    cooperationModes: p.cooperationModes as CooperationMode[] | undefined,
    expertise: p.expertise,
    researchProjects: (p.researchProjects ?? []).join('\n'),
    tags: p.tags as MatchTag[],
    keywords: p.keywords.join('，'),
    acceptsSuggested: p.acceptsSuggested,
  };
}

/** Publish or edit the own profile: an enterprise's needs, or a PhD's (a school's) expertise and projects. */
export function ProfileForm(props: {
  id: number;
  token: string;
  side: string;
  profile: MatchProfile | null;
  vocabulary: Vocabulary;
}) {
  const { t } = useTranslation(NS);
  const [form] = Form.useForm<Values>();
  const publish = usePublishProfile(props.id, props.token);
  const [saved, setSaved] = useState(false);
  const enterprise = props.side === 'enterprise';

  useEffect(() => form.setFieldsValue(toValues(props.profile)), [form, props.profile]);

  const submit = (v: Values) => {
    setSaved(false);
    publish.mutate(toBody(v, enterprise), {
      onSuccess: () => setSaved(true),
      onError: (e) => {
        // the API names the fields it refuses: show each reason on its field
        if (e instanceof ApiError && e.body.details?.length) {
          form.setFields(e.body.details.map((d) => ({ name: d.field as keyof Values, errors: [d.reason] })));
        }
      },
    });
  };

  return (
    <Form form={form} name="mmProfile" layout="vertical" onFinish={submit}>
      {enterprise ? (
        <>
          <Form.Item
            name="technicalNeeds"
            label={t('profile.technicalNeeds')}
            dependencies={['positionNeeds']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v?: string) =>
                  v?.trim() || (getFieldValue('positionNeeds') as string | undefined)?.trim()
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('profile.needsRequired'))),
              }),
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="positionNeeds" label={t('profile.positionNeeds')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="cooperationModes" label={t('profile.cooperationModes')}>
            <Checkbox.Group
              role="group"
              aria-label={t('profile.cooperationModes')}
              options={props.vocabulary.cooperationModes}
            />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item
            name="expertise"
            label={t('profile.expertise')}
            rules={[{ required: true, whitespace: true, message: t('profile.expertiseRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="researchProjects" label={t('profile.researchProjects')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="tags"
        label={t('profile.tags')}
        // a validator, not `required`: aria-required is not allowed on a checkbox group
        rules={[
          {
            validator: (_, v?: string[]) =>
              v?.length ? Promise.resolve() : Promise.reject(new Error(t('profile.tagsRequired'))),
          },
        ]}
      >
        <Checkbox.Group role="group" aria-label={t('profile.tags')} options={props.vocabulary.tags} />
      </Form.Item>
      <Form.Item name="keywords" label={t('profile.keywords')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="acceptsSuggested" valuePropName="checked">
        <Checkbox>{t('profile.acceptsSuggested')}</Checkbox>
      </Form.Item>
      {publish.error && (
        <Alert type="error" showIcon role="alert" title={publish.error.message} style={{ marginBottom: 12 }} />
      )}
      {saved && <Alert type="success" showIcon role="status" title={t('profile.saved')} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={publish.isPending}>
        {props.profile ? t('profile.update') : t('profile.submit')}
      </Button>
    </Form>
  );
}
