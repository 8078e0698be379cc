import { Alert, Button, Checkbox, Form, Radio } from 'antd';
// the bare Input: antd's `Input` also carries TextArea, Password, Search and OTP
import Input from 'antd/es/input/Input';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useRegister, type RegistrationBody } from '../../api/queries';
import type { Category, Session } from '../../api/types';
import { sessionState } from '../../lib/format';
import { newIdempotencyKey } from '../../lib/idempotency';
import { NOTICE_VERSION } from '../../lib/notice';
import { clean, idCardValidator, mobileValidator, usccValidator } from '../../lib/validators';
import styles from '../pages.module.css';
import { FIELDS, TALENT_LEVELS, type FieldSpec } from './fields';

interface Values {
  category?: Category;
  name?: string;
  email?: string;
  phone?: string;
  consent?: boolean;
  profile?: Record<string, string>;
}

/** The registration form: category first, then its fields, checked with the API's own rules. */
export function RegistrationForm({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const register = useRegister(session.id);
  const open = session.quotas.filter((q) => ['open', 'waitlist'].includes(sessionState(session, Date.now(), q)));
  const category = Form.useWatch('category', form);
  const [problem, setProblem] = useState<string>();
  // one key per filled-in form: a double tap (or a retry) of the same answers registers once
  const key = useRef(newIdempotencyKey());
  const sending = useRef(false);

  const fields = category ? FIELDS[category] : [];
  const known = new Set(fields.map((f) => f.name.join('.')));

  const onFinish = async (v: Values) => {
    if (sending.current) return;
    sending.current = true;
    setProblem(undefined);
    const profile: Record<string, string> = {};
    for (const [k, value] of Object.entries(v.profile ?? {})) if (clean(value)) profile[k] = clean(value);
    const body: RegistrationBody = {
      category: v.category!,
      name: clean(v.name),
      email: clean(v.email),
      ...(clean(v.phone) ? { phone: clean(v.phone) } : {}),
      locale: i18n.language === 'en' ? 'en' : 'zh-CN',
      profile: profile as RegistrationBody['profile'],
      consentVersion: NOTICE_VERSION,
    };
    try {
      const created = await register.mutateAsync({ body, idempotencyKey: key.current });
      void navigate(`/r/${created.id}?token=${encodeURIComponent(created.manageToken)}`, {
        state: { created: true },
      });
    } catch (error) {
      sending.current = false;
      if (!(error instanceof ApiError)) {
        setProblem(error instanceof Error ? error.message : String(error));
        return;
      }
      const onFields = (error.body.details ?? []).filter((d) => known.has(d.field));
      if (onFields.length > 0) {
        form.setFields(onFields.map((d) => ({ name: d.field.split('.') as never, errors: [d.reason] })));
        form.scrollToField(onFields[0]!.field.split('.'), { focus: true });
      }
      const rest = (error.body.details ?? []).filter((d) => !known.has(d.field));
      if (onFields.length === 0 || rest.length > 0) {
        setProblem([error.body.message, ...rest.map((d) => `${d.field}: ${d.reason}`)].join('；'));
      }
    }
  };

  return (
    <Form<Values>
      form={form}
      name="reg"
      layout="vertical"
      requiredMark
      scrollToFirstError={{ focus: true }}
      initialValues={open.length === 1 ? { category: open[0]!.category } : {}}
      onValuesChange={() => {
        key.current = newIdempotencyKey();
      }}
      onFinish={(v) => void onFinish(v)}
    >
      <Form.Item
        name="category"
        label={t('form.category')}
        rules={[{ required: true, message: t('form.pickCategory') }]}
      >
        <Radio.Group optionType="button" buttonStyle="solid">
          {open.map((q) => (
            <Radio.Button key={q.category} value={q.category}>
              {t(`category.${q.category}`)}
              {q.available > 0 ? '' : `（${t('state.waitlist')}）`}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {category && open.find((q) => q.category === category)?.available === 0 && (
        <Alert type="warning" showIcon title={t('form.waitlistNote')} style={{ marginBottom: 16 }} />
      )}
      {fields.map((f) => (
        <FieldInput key={f.name.join('.')} spec={f} />
      ))}
      {category && (
        <>
          <details className={styles.notice}>
            <summary>
              {t('form.noticeTitle')}（{t('form.noticeVersion', { version: NOTICE_VERSION })}）
            </summary>
            <p className={styles.content}>{t('form.noticeText')}</p>
          </details>
          <Form.Item
            name="consent"
            valuePropName="checked"
            rules={[
              {
                validator: async (_, value) => {
                  if (value !== true) throw new Error(t('form.requiredConsent'));
                },
              },
            ]}
          >
            <Checkbox>
              {t('form.consent')}
              {t('form.notice')}
            </Checkbox>
          </Form.Item>
        </>
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={t('form.failed')}
          description={problem}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      )}
      <Button type="primary" htmlType="submit" className={styles.submit} loading={register.isPending}>
        {t('form.submit')}
      </Button>
    </Form>
  );
}

function FieldInput({ spec }: { spec: FieldSpec }) {
  const { t } = useTranslation();
  const label = t(spec.label);
  const rules: NonNullable<React.ComponentProps<typeof Form.Item>['rules']> = [];
  if (spec.required) rules.push({ required: true, whitespace: true, message: t('form.required', { field: label }) });
  if (spec.kind === 'uscc') rules.push({ validator: usccValidator(t) });
  if (spec.kind === 'mobile') rules.push({ validator: mobileValidator(t) });
  if (spec.kind === 'idCard') rules.push({ validator: idCardValidator(t) });
  if (spec.kind === 'email') rules.push({ type: 'email', message: t('form.emailInvalid') });
  // identifiers are checked when the field is left (and on submit), not at every keystroke
  const trigger = spec.kind === 'text' ? 'onChange' : 'onBlur';
  return (
    <Form.Item
      name={spec.name}
      label={spec.required ? label : `${label}${t('form.optional')}`}
      rules={rules}
      validateTrigger={[trigger, 'onSubmit']}
    >
      {spec.kind === 'level' ? (
        <Radio.Group optionType="button" options={TALENT_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
      ) : (
        <Input
          autoComplete={spec.autoComplete ?? 'off'}
          inputMode={spec.kind === 'mobile' ? 'tel' : spec.kind === 'email' ? 'email' : undefined}
          type={spec.kind === 'email' ? 'email' : 'text'}
          maxLength={spec.kind === 'uscc' || spec.kind === 'idCard' ? 24 : 200}
        />
      )}
    </Form.Item>
  );
}
