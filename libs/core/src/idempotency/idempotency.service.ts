import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AppError, invalidField } from '../errors/app-error';
import { isUniqueViolation } from '../database/errors';
import { insertRows } from '../database/insert-rows';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export interface StoredResponse<T = unknown> {
  statusCode: number;
  body: T;
}

/** Stable hash of a request body: key order does not matter. */
export function hashRequest(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

/**
 * Idempotency-Key semantics, inside the caller's transaction:
 * same key + same body → the first response again; same key + other body → 422;
 * concurrent requests with one key → one effect (the second waits on the key's unique
 * index until the first commits, then replays its response).
 */
@Injectable()
export class IdempotencyService {
  /** Returns a stored response to replay, or null when this request is the first and should proceed. */
  async claim(em: EntityManager, scope: string, key: string, requestHash: string): Promise<StoredResponse | null> {
    if (key.length === 0 || key.length > 200) throw invalidField('Idempotency-Key', 'must be 1–200 characters');
    try {
      await em.insert(IdempotencyKeyEntity, {
        scope,
        key,
        requestHash,
        statusCode: null,
        response: null,
        createdAt: new Date(),
      });
      return null;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const prior = await em.findOneByOrFail(IdempotencyKeyEntity, { scope, key });
    if (prior.requestHash !== requestHash) {
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'Idempotency-Key was already used with a different request body',
        [{ field: 'Idempotency-Key', reason: 'reused with a different request' }],
      ).as('idempotency_key_reused');
    }
    return { statusCode: prior.statusCode ?? HttpStatus.CREATED, body: JSON.parse(prior.response ?? 'null') };
  }

  /**
   * Which of these (scope, key) pairs are already claimed, as `scope + "\n" + key`: their requests
   * are replays (or reuses) that {@link claim} answers; the rest may be recorded at once with
   * {@link recordMany}.
   */
  async claimed(em: EntityManager, pairs: { scope: string; key: string }[]): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const rows = await em.find(IdempotencyKeyEntity, {
      where: { scope: In([...new Set(pairs.map((p) => p.scope))]), key: In(pairs.map((p) => p.key)) },
      select: { scope: true, key: true },
    });
    const asked = new Set(pairs.map((p) => `${p.scope}\n${p.key}`));
    return new Set(rows.map((r) => `${r.scope}\n${r.key}`).filter((k) => asked.has(k)));
  }

  /**
   * Claims and completes many first requests in one multi-row insert, in the transaction of their
   * effects. A key claimed meanwhile by a concurrent request fails the insert (unique violation),
   * so the caller's transaction rolls back and nothing is applied twice.
   */
  async recordMany(
    em: EntityManager,
    entries: { scope: string; key: string; requestHash: string; response: StoredResponse }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    for (const e of entries) {
      if (e.key.length === 0 || e.key.length > 200) throw invalidField('Idempotency-Key', 'must be 1–200 characters');
    }
    const createdAt = new Date();
    await insertRows(
      em,
      IdempotencyKeyEntity,
      entries.map((e) => ({
        scope: e.scope,
        key: e.key,
        requestHash: e.requestHash,
        statusCode: e.response.statusCode,
        response: JSON.stringify(e.response.body),
        createdAt,
      })),
    );
  }

  /** Records the response of the first request, in the same transaction as its effect. */
  async complete(em: EntityManager, scope: string, key: string, response: StoredResponse): Promise<void> {
    await em.update(
      IdempotencyKeyEntity,
      { scope, key },
      { statusCode: response.statusCode, response: JSON.stringify(response.body) },
    );
  }
}
