// Storage quotas for creating maps (issue 19): every map the API creates (POST /api/maps, PUT
// /api/maps/:id) counts against its client address (limitKey: IPv4 as is, IPv6 by /64) and
// against the server's totals. Over a quota the API answers 429 with the usual JSON error
// shape plus `quota` (which one) and `limit`; nothing is created.
// - MAX_MAPS_PER_IP: maps created from one address (stored ones; a map deleted for everyone
//   no longer counts);
// - MAX_MAPS: maps in total;
// - MAX_STORAGE_BYTES: bytes of all stored documents; past it no new map is created (the
//   existing ones keep working, each within its own limits, quota-doc.ts).
// 0 switches a quota off. Who created a map is stored as a keyed hash of its address
// (HMAC-SHA-256 with the server's secret, 128 bits), never the address itself: the quota
// needs to tell addresses apart, not to know them.
// Checks and creations run one at a time in this process, so parallel requests from one
// address cannot pass the quota together; several instances sharing one database may each let
// one more through at the same moment. The stored bytes are summed at most every
// STORED_BYTES_TTL_MS (a full scan of the document tables), so that quota may be passed by
// what the maps created within that time hold.
import { createHmac } from 'node:crypto';
import { createCounters, type ServerCounters } from './counters';
import { HttpError } from './http-util';
import type { Storage } from './storage/types';

export interface StorageQuotaConfig {
  /** Maps one client address may create; 0: no limit. */
  maxMapsPerIp: number;
  /** Maps in total; 0: no limit. */
  maxMaps: number;
  /** Bytes of all stored documents past which no map is created; 0: no limit. */
  maxStorageBytes: number;
}

export type QuotaName = 'maps-per-ip' | 'maps' | 'storage-bytes';

/** How long a sum of the stored bytes is used before it is taken again. */
export const STORED_BYTES_TTL_MS = 30_000;

/** A refused creation: 429 with the quota's name and limit in the body. */
export class QuotaError extends HttpError {
  constructor(
    readonly quota: QuotaName,
    readonly limit: number,
    message: string,
  ) {
    super(429, message, [{ path: 'quota', message }]);
  }
}

export class CreationQuota {
  private chain: Promise<unknown> = Promise.resolve();
  private bytes: { value: number; at: number } | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly secret: string,
    private readonly config: StorageQuotaConfig,
    private readonly now: () => number = Date.now,
    /** Refusals are counted here (itinera_quota_refused_total{quota}). */
    private readonly counters: ServerCounters = createCounters(),
  ) {}

  /** The name a map's creator is stored under: a keyed hash of its address's limit key. */
  creatorOf(addressKey: string): string {
    return createHmac('sha256', this.secret)
      .update(`creator:${addressKey}`)
      .digest('hex')
      .slice(0, 32);
  }

  /** Throws QuotaError when a map from `addressKey` would break a quota now (and counts it). */
  async check(addressKey: string): Promise<void> {
    try {
      await this.checkQuotas(addressKey);
    } catch (err) {
      if (err instanceof QuotaError) this.counters.creationQuota.inc({ quota: err.quota });
      throw err;
    }
  }

  private async checkQuotas(addressKey: string): Promise<void> {
    const { maxMapsPerIp, maxMaps, maxStorageBytes } = this.config;
    if (
      maxMapsPerIp > 0 &&
      (await this.storage.countMaps(this.creatorOf(addressKey))) >= maxMapsPerIp
    )
      throw new QuotaError(
        'maps-per-ip',
        maxMapsPerIp,
        `quota: this address has created ${maxMapsPerIp} maps, the most this server allows`,
      );
    if (maxMaps > 0 && (await this.storage.countMaps()) >= maxMaps)
      throw new QuotaError(
        'maps',
        maxMaps,
        `quota: this server holds ${maxMaps} maps, the most it allows; no new map can be created`,
      );
    if (maxStorageBytes > 0 && (await this.storedBytes()) >= maxStorageBytes)
      throw new QuotaError(
        'storage-bytes',
        maxStorageBytes,
        `quota: this server's storage is full (${maxStorageBytes} bytes); no new map can be created`,
      );
  }

  /**
   * Runs `create` (given the creator name to store) once the quotas allow it, one creation at
   * a time; throws QuotaError without running it otherwise.
   */
  create<T>(addressKey: string, create: (createdBy: string) => Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      await this.check(addressKey);
      return create(this.creatorOf(addressKey));
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async storedBytes(): Promise<number> {
    const now = this.now();
    if (!this.bytes || now - this.bytes.at >= STORED_BYTES_TTL_MS)
      this.bytes = { value: await this.storage.storedBytes(), at: now };
    return this.bytes.value;
  }
}
