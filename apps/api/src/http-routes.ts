import { HttpSemanticsOptions } from '@app/core';

/** The catalog and the public session view: no personal data, the same for every anonymous reader. */
const publicReads = new Set([
  '/api/units',
  '/api/programs',
  '/api/programs/:code',
  '/api/activities/:id',
  '/api/activities/:id/sessions',
  '/api/sessions/:id',
]);

/** The `Location` of what each creating route made (the rest point at their own URL and id). */
const createdAt: HttpSemanticsOptions['createdAt'] = {
  '/api/activities/:id/sessions': (_p, b) => (b.id ? `/api/sessions/${b.id}` : undefined),
  '/api/sessions/:id/registrations': (_p, b) => (b.id ? `/api/registrations/${b.id}` : undefined),
  '/api/sessions/:id/walk-ins': (_p, b) => {
    const id = b.id ?? b.registrationId;
    return id ? `/api/registrations/${id}` : undefined;
  },
  '/api/sessions/:id/check-ins': (p, b) =>
    b.registrationId ? `/api/sessions/${p.id}/check-ins/${b.registrationId}` : undefined,
  '/api/activities/:id/outcomes': (_p, b) => (b.id ? `/api/outcomes/${b.id}` : undefined),
  '/api/activities/:id/outcomes/import': (p) => `/api/activities/${p.id}/outcomes`,
  '/api/targets/:id/reports': (p) => `/api/targets/${p.id}/reports`,
};

export const HTTP_ROUTES: HttpSemanticsOptions = { publicReads, createdAt };
