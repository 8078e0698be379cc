/** Version of the 个人信息保护 notice shown next to the consent checkbox; sent with every registration. */
export const NOTICE_VERSION = '2026-11-v1';
