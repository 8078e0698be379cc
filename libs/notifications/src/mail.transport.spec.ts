import { classifySendError, mailAddress, mailDomain, notificationMessageId } from './mail.transport';

describe(classifySendError.name, () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550 }, 'permanent'],
    [{ code: 'EMESSAGE', responseCode: 554 }, 'permanent'],
    [{ code: 'EENVELOPE', responseCode: 421 }, 'temporary'],
    [{ code: 'EMESSAGE', responseCode: 451 }, 'temporary'],
    [{ code: 'ECONNECTION' }, 'temporary'],
    [{ code: 'ETIMEDOUT' }, 'temporary'],
    [{ code: 'EAUTH', responseCode: 535 }, 'temporary'],
    [new Error('socket hang up'), 'temporary'],
  ])('%j → %s', (error, expected) => {
    expect(classifySendError(error)).toBe(expected);
  });
});

describe(mailDomain.name, () => {
  it('takes the domain of the sender address', () => {
    expect(mailDomain('泉州人才活动平台 <no-reply@Talent.Quanzhou.example>')).toBe('talent.quanzhou.example');
    expect(mailDomain('bare@mail.example')).toBe('mail.example');
    expect(mailDomain('no address')).toBe('localhost');
    expect(mailAddress('平台 <no-reply@mail.example>')).toBe('no-reply@mail.example');
  });

  it('derives a stable Message-ID from the notification id', () => {
    expect(notificationMessageId(42, 'mail.example')).toBe('<notification-42@mail.example>');
  });
});
