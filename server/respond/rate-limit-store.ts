import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import mongoose from 'mongoose';
import type { RateLimitCounterModel } from '../models/rate-limit-counter.model.js';

/**
 * express-rate-limit Store with fixed-window counters in MongoDB, so that every app instance behind a
 * load balancer sees the same counts. Each increment is one atomic `$inc` on a live window; an expired
 * or missing window is (re)started with an upsert that only matches when the window really is over, and a
 * concurrent restart (E11000 on `_id`) falls back to the `$inc`.
 */
export class MongoRateLimitStore implements Store {
  prefix: string;
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly counters: RateLimitCounterModel,
    options: { prefix: string },
  ) {
    this.prefix = options.prefix;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const counter = await this.counters.findById(this.id(key)).lean();
    if (!counter || counter.resetAt <= new Date()) return undefined;
    return { totalHits: counter.hits, resetTime: counter.resetAt };
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const id = this.id(key);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const now = new Date();
      const live = await this.counters
        .findOneAndUpdate(
          { _id: id, resetAt: mongoose.trusted({ $gt: now }) },
          { $inc: { hits: 1 } },
          { returnDocument: 'after' },
        )
        .lean();
      if (live) return { totalHits: live.hits, resetTime: live.resetAt };
      try {
        const started = await this.counters
          .findOneAndUpdate(
            { _id: id, resetAt: mongoose.trusted({ $lte: now }) },
            { $set: { hits: 1, resetAt: new Date(now.getTime() + this.windowMs) } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean();
        if (started) return { totalHits: started.hits, resetTime: started.resetAt };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // Another request started the window first: count against it on the next attempt.
      }
    }
    throw new Error(`rate-limit counter ${id} could not be incremented`);
  }

  async decrement(key: string): Promise<void> {
    await this.counters.updateOne(
      { _id: this.id(key), hits: mongoose.trusted({ $gt: 0 }) },
      { $inc: { hits: -1 } },
    );
  }

  async resetKey(key: string): Promise<void> {
    await this.counters.deleteOne({ _id: this.id(key) });
  }

  private id(key: string): string {
    return `${this.prefix}${key}`;
  }
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
