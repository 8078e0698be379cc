import {
  maskEmail,
  maskFreeText,
  maskIdNumber,
  maskNamesIn,
  maskPersonalData,
  maskPersonName,
  maskPhone,
  personalFieldKind,
} from './mask';

/** Expected values are written out by hand: a star per hidden character, counted from the input. */
const stars = (n: number) => '*'.repeat(n);

describe('masking single values', () => {
  it('phones keep 3 + 4 digits; empty and null pass through', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });

  it('ID numbers keep 4 + 4 characters and never repeat characters of a short value', () => {
    expect(maskIdNumber('350502199001011234')).toBe(`3505${stars(10)}1234`);
    expect(maskIdNumber('11010519491231002X')).toBe(`1101${stars(10)}002X`);
    expect(maskIdNumber('ABCDEFGH')).toBe('ABCDEFGH');
    expect(maskIdNumber('ABCDEF')).toBe('ABCDCDEF');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('')).toBe('');
  });

  it('emails keep the first letter and the domain', () => {
    expect(maskEmail('wang.fang@example.com')).toBe(`w${stars(8)}@example.com`);
    expect(maskEmail('a@x.cn')).toBe('a*@x.cn');
    expect(maskEmail('ab@x.cn')).toBe('a*@x.cn');
    expect(maskEmail('a@b@x.cn')).toBe('a**@x.cn');
    expect(maskEmail('@x.cn')).toBe(stars(5));
    expect(maskEmail('no-at-sign')).toBe(stars(10));
  });

  it('person names keep the first character', () => {
    expect(maskPersonName('王师傅')).toBe('王**');
    expect(maskPersonName('王芳')).toBe('王*');
    expect(maskPersonName('王')).toBe('*');
    expect(maskPersonName('')).toBe('*');
  });
});

describe(personalFieldKind.name, () => {
  it.each([
    ['phone', 'phone'],
    ['mobile', 'phone'],
    ['contactMobile', 'phone'],
    ['tel', 'phone'],
    ['telNo', 'phone'],
    ['contactTel', 'phone'],
    ['telephone', 'phone'],
    ['手机号', 'phone'],
    ['联系电话', 'phone'],
    ['联系方式', 'phone'],
    ['idNumber', 'idNumber'],
    ['id_no', 'idNumber'],
    ['idno', 'idNumber'],
    ['idCard', 'idNumber'],
    ['identity', 'idNumber'],
    ['passportNo', 'idNumber'],
    ['身份证号', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['email', 'email'],
    ['E_mail', 'email'],
    ['邮箱', 'email'],
    ['邮件地址', 'email'],
    ['name', 'name'],
    ['NAME', 'name'],
    ['fullName', 'name'],
    ['user_name', 'name'],
    ['nameEn', 'name'],
    ['姓名', 'name'],
    ['联系人', 'name'],
    ['负责人', 'name'],
    ['导师', 'name'],
    ['学徒', 'name'],
    ['师傅', 'name'],
    ['博士', 'name'],
  ])('%s holds a %s', (key, kind) => {
    expect(personalFieldKind(key)).toBe(kind);
  });

  it.each([
    'remark',
    'count',
    'hotelRoom',
    'renamed',
    'title',
    'companyName',
    'enterprisePhone',
    'institutionName',
    'organizationName',
    'organisationName',
    'unitName',
    'schoolName',
    'collegeName',
    'activityName',
    'programName',
    'sessionName',
    'projectName',
    'fileName',
    '企业名称',
    '公司电话',
    '单位联系人',
    '机构负责人',
    '学校名称',
    '院校',
    '活动名称',
    '项目负责人',
  ])('%s does not hold personal data', (key) => {
    expect(personalFieldKind(key)).toBeUndefined();
  });
});

describe(maskFreeText.name, () => {
  it('masks 18-digit ID numbers, with a check X in either case, where they stand', () => {
    expect(maskFreeText('身份证350502199001011234。')).toBe(`身份证3505${stars(10)}1234。`);
    expect(maskFreeText('证件 11010519491231002x 已核')).toBe(`证件 1101${stars(10)}002x 已核`);
  });

  it('leaves digit runs that are not an ID number alone', () => {
    expect(maskFreeText('A350502199001011234')).toBe('A350502199001011234');
    expect(maskFreeText('350502199001011234B')).toBe('350502199001011234B');
    expect(maskFreeText('3505021990010112345')).toBe('3505021990010112345');
    expect(maskFreeText('单号 35050219900101123')).toBe('单号 35050219900101123');
  });

  it('masks mobile numbers written with +86, spaces or dashes', () => {
    expect(maskFreeText('电话13812341234')).toBe('电话138****1234');
    expect(maskFreeText('call +86 138-1234-1234 now')).toBe('call 138****1234 now');
    expect(maskFreeText('86-13912341234')).toBe('139****1234');
    expect(maskFreeText('138 1234 1234')).toBe('138****1234');
    expect(maskFreeText('a19912341234b')).toBe('a199****1234b');
  });

  it('leaves numbers that are not mainland mobiles alone', () => {
    expect(maskFreeText('12812341234')).toBe('12812341234');
    expect(maskFreeText('138123412345')).toBe('138123412345');
    expect(maskFreeText('013812341234')).toBe('013812341234');
    expect(maskFreeText('0595-22123456')).toBe('0595-22123456');
  });

  it('masks email addresses and leaves text without one alone', () => {
    expect(maskFreeText('写信给 wang.fang@example.com 即可')).toBe(`写信给 w${stars(8)}@example.com 即可`);
    expect(maskFreeText('a@b.c')).toBe('a@b.c');
    expect(maskFreeText('没有个人信息')).toBe('没有个人信息');
  });
});

describe(maskPersonalData.name, () => {
  it('masks each value by the name of its key', () => {
    expect(
      maskPersonalData({
        phone: '13812341234',
        idNumber: '350502199001011234',
        email: 'wang@example.com',
        name: '王芳',
        companyName: '泉州某某有限公司',
        note: '电话13812341234',
      }),
    ).toEqual({
      phone: '138****1234',
      idNumber: `3505${stars(10)}1234`,
      email: 'w***@example.com',
      name: '王*',
      companyName: '泉州某某有限公司',
      note: '电话138****1234',
    });
  });

  it('goes into arrays and nested objects, which inherit the kind of their key', () => {
    expect(
      maskPersonalData({
        contacts: [{ 姓名: '李四', 手机: '13900001111' }],
        phone: ['13812341234', '13900001111'],
        联系人: { first: '张三' },
      }),
    ).toEqual({
      contacts: [{ 姓名: '李*', 手机: '139****1111' }],
      phone: ['138****1234', '139****1111'],
      联系人: { first: '张*' },
    });
  });

  it('masks numbers held under a phone or ID key and leaves other scalars alone', () => {
    expect(maskPersonalData({ phone: 13812341234, name: 5, count: 5, ok: true, none: null })).toEqual({
      phone: '138****1234',
      name: 5,
      count: 5,
      ok: true,
      none: null,
    });
    expect(maskPersonalData(42)).toBe(42);
    expect(maskPersonalData('电话13812341234')).toBe('电话138****1234');
  });

  it('collects the trimmed person names it masks, and only those', () => {
    const names = new Set<string>();
    maskPersonalData(
      { name: ' 王芳 ', 导师: '李四', blank: { name: '   ' }, phone: '13812341234', note: '张三' },
      names,
    );
    expect([...names].sort()).toEqual(['李四', '王芳']);
  });

  it('stops at 32 levels: deeper objects and arrays become empty', () => {
    let deep: unknown = { secret: 'x' };
    for (let i = 0; i < 33; i++) deep = { next: deep };
    let out = maskPersonalData(deep) as Record<string, unknown>;
    for (let i = 0; i < 33; i++) out = out.next as Record<string, unknown>;
    expect(out).toEqual({});

    let list: unknown = ['x'];
    for (let i = 0; i < 33; i++) list = [list];
    let outList = maskPersonalData(list) as unknown[];
    for (let i = 0; i < 33; i++) outList = outList[0] as unknown[];
    expect(outList).toEqual([]);

    let shallow: unknown = { secret: 'x' };
    for (let i = 0; i < 32; i++) shallow = { next: shallow };
    let kept = maskPersonalData(shallow) as Record<string, unknown>;
    for (let i = 0; i < 32; i++) kept = kept.next as Record<string, unknown>;
    expect(kept).toEqual({ secret: 'x' });
  });

  it('masks a personal value however deep it is held', () => {
    let deep: unknown = { phone: '13812341234', note: 13812341234 };
    for (let i = 0; i < 32; i++) deep = { next: deep };
    let out = maskPersonalData(deep) as Record<string, unknown>;
    for (let i = 0; i < 32; i++) out = out.next as Record<string, unknown>;
    expect(out).toEqual({ phone: '138****1234', note: 13812341234 });
  });
});

describe(maskNamesIn.name, () => {
  it('masks the longest names first, skips one-character names, and masks phones in the text', () => {
    expect(maskNamesIn('王芳的联系电话13812341234，王芳芳，李', ['王芳', '王芳芳', '李'])).toBe(
      '王*的联系电话138****1234，王**，李',
    );
    expect(maskNamesIn('王芳和王芳', new Set(['王芳']))).toBe('王*和王*');
    expect(maskNamesIn('无', [])).toBe('无');
  });
});
