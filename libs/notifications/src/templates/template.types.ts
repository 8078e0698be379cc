import type { Locale, NotificationFacts, NotificationType } from '../notification.types';

/** What a template function produces: a subject and the body as paragraphs (plain text; HTML is derived). */
export interface MailContent {
  subject: string;
  paragraphs: string[];
}

export type TemplateFn = (facts: NotificationFacts, locale: Locale) => MailContent;

/** Every type has a template: the compiler checks the table is complete. */
export type TemplateTable<T extends NotificationType> = Record<T, TemplateFn>;
